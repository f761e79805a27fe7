import type { JsonSchema } from '../schema/JsonSchema.js';
import { isPlainObject } from './jsonValue.js';
import { expandUnconditional, walkLocations } from './schemaLocations.js';

/**
 * Close every object of the schema to the properties it declares in any branch, so that a field the form
 * does not have is reported (FIELD_UNKNOWN) instead of silently stored.
 *
 * draft-07's `additionalProperties: false` only sees the properties next to it, so it cannot be written by
 * hand on an object whose branches (then/else, oneOf, allOf parts) declare more. Here, for each place in
 * the data, one schema that always applies there (the first with `properties`, through $ref and allOf)
 * gets every property declared in any branch, as an empty placeholder schema (the branch still validates
 * it), and `additionalProperties: false`. Objects whose author wrote `additionalProperties` or
 * `patternProperties` anywhere are left as written.
 *
 * Mutates `root`; returns the placeholders with the declarations they stand for, so that a save (shape
 * only) can still check the type of a field declared only in a branch.
 */
export function closeObjects(root: JsonSchema): WeakMap<object, JsonSchema[]> {
  const declared = new Map<JsonSchema, Map<string, JsonSchema[]>>();
  const open = new Set<JsonSchema>();
  walkLocations(root, ({ entries, group }) => {
    const declaring = group.filter((s) => isPlainObject(s.properties));
    if (!declaring.length) return;
    if (group.some((s) => s.additionalProperties !== undefined || s.patternProperties !== undefined)) {
      for (const s of [...declaring, ...entries]) open.add(s);
      return;
    }
    const always = [...new Set(entries.flatMap((e) => expandUnconditional(root, e)))];
    const primary = always.find((s) => isPlainObject(s.properties)) ?? entries[0]!;
    const keys = declared.get(primary) ?? new Map<string, JsonSchema[]>();
    declared.set(primary, keys);
    for (const s of declaring) {
      for (const [key, property] of Object.entries(s.properties!)) {
        const list = keys.get(key) ?? [];
        if (s !== primary && !list.includes(property)) list.push(property);
        keys.set(key, list);
      }
    }
  });
  const placeholders = new WeakMap<object, JsonSchema[]>();
  for (const [primary, keys] of declared) {
    if (open.has(primary)) continue;
    const properties = (primary.properties ??= {});
    for (const [key, declarations] of keys) {
      if (Object.prototype.hasOwnProperty.call(properties, key)) continue;
      const placeholder: JsonSchema = {};
      properties[key] = placeholder;
      placeholders.set(placeholder, declarations);
    }
    primary.additionalProperties = false;
  }
  return placeholders;
}
