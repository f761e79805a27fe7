import type { JsonSchema } from '../schema/JsonSchema.js';
import { expandBranches, resolveLocalRef } from '../schema/subschemasAt.js';
import { isPlainObject } from './jsonValue.js';

/** One place a value can be in the data, with the schemas that describe it. */
export interface SchemaLocation {
  /** Data segments from the root; `*` stands for any array index or any additional key. */
  path: string[];
  /** The schemas the parent names for this place (its `properties[key]`, `items`…), in every branch. */
  entries: JsonSchema[];
  /** Every schema that may describe the value here, whatever branch applies (expandBranches of the entries). */
  group: JsonSchema[];
}

/**
 * Visit every place a value can be in the data, from the root down, following $ref and every branch.
 * A set of entries already visited is not visited again, which ends recursive schemas.
 */
export function walkLocations(root: JsonSchema, visit: (location: SchemaLocation) => void): void {
  const ids = new Map<object, number>();
  const idOf = (o: object) => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ids.size));
    return id;
  };
  const seen = new Set<string>();
  const walk = (entries: JsonSchema[], path: string[]) => {
    const key = entries.map(idOf).sort((a, b) => a - b).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    const group = [...new Set(entries.flatMap((e) => expandBranches(root, e)))];
    visit({ path, entries, group });
    const byKey = new Map<string, JsonSchema[]>();
    const items: JsonSchema[] = [];
    for (const s of group) {
      if (isPlainObject(s.properties)) {
        for (const [k, p] of Object.entries(s.properties)) if (isPlainObject(p)) byKey.set(k, [...(byKey.get(k) ?? []), p]);
      }
      if (Array.isArray(s.items)) items.push(...s.items.filter(isPlainObject));
      else if (isPlainObject(s.items)) items.push(s.items);
      if (isPlainObject(s.additionalProperties)) items.push(s.additionalProperties);
    }
    for (const [k, list] of byKey) walk(list, [...path, k]);
    if (items.length) walk(items, [...path, '*']);
  };
  walk([root], []);
}

/** A schema, the target of its $ref and its allOf members, recursively: what always applies with it. */
export function expandUnconditional(root: JsonSchema, schema: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  if (typeof schema.$ref === 'string') {
    const target = resolveLocalRef(root, schema.$ref);
    if (target) out.push(...expandUnconditional(root, target, seen));
  }
  for (const member of schema.allOf ?? []) if (isPlainObject(member)) out.push(...expandUnconditional(root, member, seen));
  return out;
}
