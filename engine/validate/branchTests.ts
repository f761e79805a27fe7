import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { engineAjv } from './engineAjv.js';
import { isPlainObject } from './jsonValue.js';
import { shapeOnly } from './shapeOnly.js';

/** Answers "does this condition hold for this value", each subschema compiled once, on first use. */
export interface BranchTests {
  /** Whether an `if` schema holds (full rules); undefined when it cannot be compiled. */
  holds(condition: unknown, value: unknown): boolean | undefined;
  /** Whether a value fits the shape of an anyOf/oneOf branch (a half-filled branch still fits). */
  fits(branch: unknown, value: unknown): boolean | undefined;
  /** The schemas compiled so far (to free them). */
  compiled(): object[];
}

/**
 * Subschemas compiled on their own, with the root's `definitions` beside them so their local $ref
 * resolve. A compile error (already reported by the loader's precompile) reads as "unknown".
 */
export function createBranchTests(source: JsonSchema): BranchTests {
  const full = new WeakMap<object, ValidateFunction | null>();
  const shape = new WeakMap<object, ValidateFunction | null>();
  const schemas: object[] = [];
  let shapeDefinitions: Record<string, unknown> | undefined;
  const compile = (schema: unknown, definitions: unknown): ValidateFunction | null => {
    const wrapped = isPlainObject(definitions) ? { ...(schema as object), definitions } : schema;
    try {
      const fn = engineAjv().compile(wrapped as object);
      schemas.push(wrapped as object);
      return fn;
    } catch {
      return null;
    }
  };
  const run = (cache: WeakMap<object, ValidateFunction | null>, key: unknown, make: () => ValidateFunction | null, value: unknown) => {
    if (typeof key === 'boolean') return key;
    if (!isPlainObject(key)) return undefined;
    let fn = cache.get(key);
    if (fn === undefined) cache.set(key, (fn = make()));
    return fn ? fn(value) === true : undefined;
  };
  return {
    holds: (condition, value) => run(full, condition, () => compile(condition, source.definitions), value),
    fits: (branch, value) =>
      run(shape, branch, () => {
        shapeDefinitions ??= isPlainObject(source.definitions) ? (shapeOnly({ definitions: source.definitions } as JsonSchema).definitions as Record<string, unknown>) : undefined;
        return compile(shapeOnly(branch as JsonSchema), shapeDefinitions);
      }, value),
    compiled: () => schemas,
  };
}
