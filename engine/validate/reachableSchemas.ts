import type { JsonSchema } from '../schema/JsonSchema.js';
import { resolveLocalRef } from '../schema/subschemasAt.js';
import { isPlainObject } from './jsonValue.js';

const SINGLE = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];
const MAPS = ['properties', 'patternProperties', 'dependencies'];

/** Every schema object reachable from `schemas` in `root`, through subschema keywords and local $ref. */
export function reachableSchemas(root: JsonSchema, schemas: readonly unknown[]): Set<object> {
  const out = new Set<object>();
  const visit = (node: unknown) => {
    if (!isPlainObject(node) || out.has(node)) return;
    out.add(node);
    if (typeof node.$ref === 'string') visit(resolveLocalRef(root, node.$ref));
    for (const k of SINGLE) if (isPlainObject(node[k])) visit(node[k]);
    for (const k of LISTS) if (Array.isArray(node[k])) (node[k] as unknown[]).forEach(visit);
    for (const k of MAPS) if (isPlainObject(node[k])) Object.values(node[k]).forEach(visit);
  };
  schemas.forEach(visit);
  return out;
}
