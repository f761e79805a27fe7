import type { JsonSchema } from '../schema/JsonSchema.js';

const SUBSCHEMA_MAPS = ['properties', 'definitions', 'patternProperties'] as const;
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'] as const;

/** A branch that only adds rules to fields declared elsewhere (`{ required: [...] }`), not a shape of its own. */
const isConstraintOnly = (s: unknown): s is JsonSchema =>
  !!s && typeof s === 'object' && !('type' in s) && !('const' in s) && !('enum' in s) && !('$ref' in s) && !('allOf' in s);

/**
 * The schema json-schema-to-typescript should see, so that the type accepts exactly the data the engine
 * stores:
 * - fields declared in `then`/`else` (a contact person's name, a justification past 36 months) become optional
 *   properties of their object: the generator ignores conditionals, and the object is closed;
 * - `anyOf`/`oneOf` branches that only say which fields are required are folded the same way;
 * - titles become doc comments instead of type names, so the type reads by field names.
 */
export function typesSchema(schema: JsonSchema, isRoot = true): JsonSchema {
  const s: Record<string, unknown> = { ...schema };
  // Fold the branches that declare fields without being a shape of their own.
  const folded: JsonSchema[] = [];
  for (const key of ['then', 'else'] as const) {
    if (s[key] && typeof s[key] === 'object') folded.push(s[key] as JsonSchema);
    delete s[key];
  }
  delete s.if;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches) && branches.length && branches.every(isConstraintOnly)) {
      folded.push(...(branches as JsonSchema[]));
      delete s[key];
    }
  }
  if (folded.length) {
    const properties = { ...((s.properties as Record<string, JsonSchema> | undefined) ?? {}) };
    for (const branch of folded) {
      for (const [name, sub] of Object.entries(branch.properties ?? {})) if (!(name in properties)) properties[name] = sub;
    }
    if (Object.keys(properties).length) s.properties = properties;
  }
  delete s.dependencies;
  delete s.errorMessage;
  if (!isRoot && typeof s.title === 'string') {
    s.description = typeof s.description === 'string' ? `${s.title}\n\n${s.description}` : s.title;
    delete s.title;
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = s[key];
    if (map && typeof map === 'object') s[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v && typeof v === 'object' ? typesSchema(v as JsonSchema, false) : v]));
  }
  for (const key of SUBSCHEMA_LISTS) {
    const value = s[key];
    if (Array.isArray(value)) s[key] = value.map((v) => (v && typeof v === 'object' ? typesSchema(v as JsonSchema, false) : v));
    else if (value && typeof value === 'object') s[key] = typesSchema(value as JsonSchema, false);
  }
  return s as JsonSchema;
}
