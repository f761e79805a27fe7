import type { Registry, RJSFSchema } from '@rjsf/utils';

/** The schema that holds the `enum` of a choice: the field's own, or its items' for a list of values. */
export function enumSchemaOf(schema: RJSFSchema, registry: Registry<any, RJSFSchema, any>): RJSFSchema | undefined {
  if (schema.type !== 'array') return schema;
  const items = schema.items;
  if (!items || typeof items !== 'object' || Array.isArray(items)) return undefined;
  return registry.schemaUtils.retrieveSchema(items as RJSFSchema);
}
