import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import type { Step } from '../model/Definition.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { walkSchema } from '../schema/walkSchema.js';
import { closeObjects } from './closeObjects.js';
import { isPlainObject } from './jsonValue.js';
import { definitionTerms } from './definitionTerms.js';
import { TERMS_KEY, termsSchema } from './requiredTerms.js';
import { scopeCatalogue, type ScopeCatalogue } from './ScopeCatalogue.js';
import type { Term } from './termsKeyword.js';

/** A definition's schema, worked out once: what every context and use case derives from. */
export interface PreparedSchema {
  /** The schema as written, without `x-` annotations and `$id` (normalize reads its branches). */
  source: JsonSchema;
  /** The full rules: objects closed, the declared scope values and the `terms` object injected. */
  base: JsonSchema;
  /** Placeholders closeObjects added to `base`, with the branch declarations they stand for. */
  placeholders: WeakMap<object, JsonSchema[]>;
  stepIds: string[];
  /** Present when definition.yaml declares scopes and the schema has a top-level `scopes` property. */
  scopes: ScopeCatalogue | undefined;
  terms: Term[];
}

/**
 * Prepare a bundled schema for validation. Annotations of the provider's own (`x-…`) are removed, since
 * ajv's strict mode would refuse them, and `$id`, since every context compiles its own copy.
 */
export function prepareSchema(schema: JsonSchema, meta: DefinitionMeta, steps: Step[]): PreparedSchema {
  const source = structuredClone(schema);
  walkSchema(source, ({ node }) => {
    for (const key of Object.keys(node)) if (key.startsWith('x-') || key === '$id') delete node[key];
  });

  const terms = definitionTerms(source, meta);

  const base = structuredClone(source);
  base.properties = { ...(base.properties ?? {}), [TERMS_KEY]: termsSchema(terms) };
  const catalogue = scopeCatalogue(meta);
  const scopesProperty = base.properties.scopes;
  const scopes = catalogue && isPlainObject(scopesProperty) ? catalogue : undefined;
  if (scopes && scopesProperty) {
    const items = isPlainObject(scopesProperty.items) ? scopesProperty.items : { type: 'string' };
    base.properties.scopes = { ...scopesProperty, uniqueItems: true, items: { ...items, enum: scopes.values } };
  }
  const placeholders = closeObjects(base);

  return { source, base, placeholders, stepIds: steps.map((s) => s.id), scopes, terms };
}
