import { Validator, type Schema } from '@cfworker/json-schema';
import { cloneJson } from './cloneJson.js';
import { refsToRoot, ROOT_URI } from './refsToRoot.js';

/** Draft 2019-09 rules evaluate the siblings of `$ref` as ajv does; draft-07 rules would ignore them. */
const DRAFT = '2019-09';
const MAX_BY_CONTENT = 500;

interface RootEntry {
  /** A private copy of the root, shared by the validators compiled against it. */
  root: Schema;
  byObject: { first: WeakMap<object, Validator>; all: WeakMap<object, Validator> };
  byContent: { first: Map<string, Validator>; all: Map<string, Validator> };
}

const roots = new WeakMap<object, RootEntry>();

function entryFor(rootSchema: object): RootEntry {
  let entry = roots.get(rootSchema);
  if (!entry) {
    entry = {
      root: cloneJson(rootSchema) as Schema,
      byObject: { first: new WeakMap(), all: new WeakMap() },
      byContent: { first: new Map(), all: new Map() },
    };
    roots.set(rootSchema, entry);
  }
  return entry;
}

/**
 * The @cfworker/json-schema validator of `schema`, whose local `$ref`s resolve against `rootSchema`. Compiled
 * once per schema object (rjsf asks about the same `if` and `oneOf` subschemas on every render) and, for the
 * copies rjsf makes when it merges `allOf`, once per content. `allErrors` false stops at the first error.
 */
export function compileValidator(schema: object, rootSchema: object, allErrors: boolean): Validator {
  const entry = entryFor(rootSchema);
  const mode = allErrors ? 'all' : 'first';
  const cached = entry.byObject[mode].get(schema);
  if (cached) return cached;
  const key = JSON.stringify(schema);
  let validator = entry.byContent[mode].get(key);
  if (!validator) {
    validator = new Validator(refsToRoot(schema) as Schema, DRAFT, !allErrors);
    validator.addSchema(entry.root, ROOT_URI);
    if (entry.byContent[mode].size >= MAX_BY_CONTENT) entry.byContent[mode].clear();
    entry.byContent[mode].set(key, validator);
  }
  entry.byObject[mode].set(schema, validator);
  return validator;
}
