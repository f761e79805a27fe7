import type { RJSFSchema } from '@rjsf/utils';
import { schemaBranches } from './schemaBranches.js';

/** Keywords that only add rules to the object they sit in, without offering another shape. */
const CONSTRAINT_KEYWORDS = new Set(['required', 'properties', 'minProperties', 'maxProperties', 'not', 'dependencies', 'if', 'then', 'else', 'errorMessage', '$comment']);

/**
 * Whether the `anyOf`/`oneOf` of an object only state rules on fields it already has (« a link or a PDF »):
 * rjsf would draw a choice between its branches, which the applicant has no use for; the server checks them.
 */
export function hasConstraintOnlyBranches(schema: RJSFSchema, rootSchema: object): boolean {
  const branches = schemaBranches(schema, rootSchema);
  const holders = branches.filter((s) => Array.isArray(s.anyOf) || Array.isArray(s.oneOf));
  if (!holders.length) return false;
  const options = holders.flatMap((holder) => [...(holder.anyOf ?? []), ...(holder.oneOf ?? [])]);
  const optionSet = new Set<unknown>(options);
  const known = new Set(branches.filter((s) => !optionSet.has(s)).flatMap((s) => Object.keys(s.properties ?? {})));
  return options.every((option) => {
    if (!option || typeof option !== 'object') return false;
    if (!Object.keys(option).every((key) => CONSTRAINT_KEYWORDS.has(key))) return false;
    return Object.keys((option as RJSFSchema).properties ?? {}).every((name) => known.has(name));
  });
}
