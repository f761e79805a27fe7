import type { JsonSchema } from './JsonSchema.js';
import { expandBranches } from './subschemasAt.js';

type Annotated = readonly { readonly path: readonly string[]; readonly value: unknown }[];

/** Per schema object and keyword: a loaded schema never changes, and the server asks at every submit. */
const cache = new WeakMap<JsonSchema, Map<string, Annotated>>();

/**
 * Every field of the form that carries the annotation `keyword` (e.g. `x-authorization-of`), whatever branch
 * declares it, with its data path and the annotation's value. Array items are not followed.
 */
export function annotatedFields(root: JsonSchema, keyword: string): Annotated {
  let byKeyword = cache.get(root);
  if (!byKeyword) cache.set(root, (byKeyword = new Map()));
  let found = byKeyword.get(keyword);
  if (!found) byKeyword.set(keyword, (found = Object.freeze(collect(root, keyword))));
  return found;
}

function collect(root: JsonSchema, keyword: string): { path: string[]; value: unknown }[] {
  const out: { path: string[]; value: unknown }[] = [];
  const seen = new Set<string>();
  const visit = (schema: JsonSchema, path: string[], depth: number) => {
    if (depth > 32) return;
    for (const branch of expandBranches(root, schema)) {
      if (keyword in branch && path.length) {
        const key = path.join('/');
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ path, value: (branch as Record<string, unknown>)[keyword] });
        }
      }
      for (const [name, sub] of Object.entries(branch.properties ?? {})) {
        if (sub && typeof sub === 'object') visit(sub, [...path, name], depth + 1);
      }
    }
  };
  visit(root, [], 0);
  return out;
}
