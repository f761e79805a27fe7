import type { Definition } from '../model/Definition.js';
import type { JsonSchema } from './JsonSchema.js';

/**
 * The schema a form renders and an API client reads: the bundled schema, with the scopes of definition.yaml
 * as the `enum` of the `scopes` step's items (titles in `enumNames` order as `x-enum-labels`). Plain
 * draft-07, without the engine's own validation keywords.
 */
export function formSchema(definition: Pick<Definition, 'schema' | 'meta'>): JsonSchema {
  const schema = structuredClone(definition.schema);
  const scopes = definition.meta.scopes.flatMap((g) => g.items);
  const step = schema.properties?.scopes;
  if (scopes.length && step && typeof step === 'object') {
    schema.properties!.scopes = {
      ...step,
      uniqueItems: true,
      items: { type: 'string', enum: scopes.map((s) => s.value), 'x-enum-labels': scopes.map((s) => s.label) } as JsonSchema,
    };
  }
  return schema;
}
