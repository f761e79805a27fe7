/** The base URI the root schema is registered under in every compiled validator; never fetched. */
export const ROOT_URI = 'https://datapass.invalid/form-root.json';

/**
 * A deep copy of `schema` whose local `$ref`s (`#/…`) point into the root schema registered at `ROOT_URI`, so a
 * subschema rjsf hands over alone still resolves `#/definitions/…`. Copying also keeps @cfworker/json-schema,
 * which marks the schemas it compiles, away from the caller's objects.
 */
export function refsToRoot(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(refsToRoot);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? ROOT_URI + value : refsToRoot(value);
  }
  return out;
}
