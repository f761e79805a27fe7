import type { JsonSchema } from '../schema/JsonSchema.js';
import { isPlainObject } from './jsonValue.js';
import { keywordsDroppedOnSave } from './keywordRegistry.js';

/**
 * Rules that a half-filled draft may break: what must be present or complete (required, minimum lengths
 * and counts, contains), what is checked on finished values (format, pattern), and conditional rules.
 */
const DROPPED = ['required', 'minLength', 'minItems', 'minProperties', 'contains', 'format', 'pattern', 'if', 'then', 'else', 'dependencies', 'not'];

const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_KEYWORDS = new Set(['additionalProperties', 'additionalItems', 'propertyNames']);

export interface ShapeOptions {
  /** Placeholders left by closeObjects, with the branch declarations they stand for. */
  placeholders?: WeakMap<object, JsonSchema[]>;
  /** Rewrites each $ref (to point at shape-only copies of the definitions). */
  renameRef?: (ref: string) => string;
}

/**
 * The shape-only copy of a schema, for a save: types, enum/const, maximum lengths and counts, ranges and
 * additionalProperties stay; the rules above go; `oneOf` becomes `anyOf`, since once its branches lose
 * their `required` several may match. Returns a new schema; shared subschemas stay shared.
 */
export function shapeOnly(schema: JsonSchema, options: ShapeOptions = {}, memo = new Map<object, unknown>()): JsonSchema {
  const dropped = new Set([...DROPPED, ...keywordsDroppedOnSave()]);
  const shape = (node: unknown): unknown => {
    if (!isPlainObject(node)) return node;
    const known = memo.get(node);
    if (known !== undefined) return known;
    const declarations = options.placeholders?.get(node);
    if (declarations) {
      const out = declarations.length === 0 ? {} : declarations.length === 1 ? shape(declarations[0]) : { anyOf: declarations.map(shape) };
      memo.set(node, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    memo.set(node, out);
    let oneOf: unknown[] | undefined;
    for (const [key, value] of Object.entries(node)) {
      if (dropped.has(key)) continue;
      if (key === '$ref' && typeof value === 'string') out.$ref = options.renameRef ? options.renameRef(value) : value;
      else if (MAP_KEYWORDS.has(key) && isPlainObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
      else if (SCHEMA_KEYWORDS.has(key)) out[key] = shape(value);
      else if (key === 'items') out[key] = Array.isArray(value) ? value.map(shape) : shape(value);
      else if ((key === 'allOf' || key === 'anyOf') && Array.isArray(value)) out[key] = value.map(shape);
      else if (key === 'oneOf' && Array.isArray(value)) oneOf = value.map(shape);
      else out[key] = value;
    }
    if (oneOf) {
      if (out.anyOf) out.allOf = [...((out.allOf as unknown[]) ?? []), { anyOf: oneOf }];
      else out.anyOf = oneOf;
    }
    return out;
  };
  return shape(schema) as JsonSchema;
}
