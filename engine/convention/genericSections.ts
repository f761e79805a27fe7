import type { Definition } from '../model/Definition.js';
import { knownProperties, subschemasAt } from '../schema/subschemasAt.js';
import { describeFields, type GenericField } from './describeValue.js';

/**
 * The shared partials that the generic convention uses for a step holding their fields: `reads` are read bare
 * (so all must be present), `shows` everything they show; the step's other fields follow them generically.
 */
const ARTICLES = {
  purpose: { reads: ['intitule', 'description'], shows: ['intitule', 'description', 'date_prevue_mise_en_production', 'volumetrie_approximative'] },
  legal_basis: { reads: ['cadre_juridique_nature'], shows: ['cadre_juridique_nature', 'cadre_juridique_url', 'cadre_juridique_document'] },
  personal_data: {
    reads: ['destinataire_donnees_caractere_personnel', 'duree_conservation_donnees_caractere_personnel'],
    shows: ['destinataire_donnees_caractere_personnel', 'duree_conservation_donnees_caractere_personnel', 'duree_conservation_donnees_caractere_personnel_justification'],
  },
} as const;

type ArticleKind = keyof typeof ARTICLES;

/**
 * One article of the generic convention, in step order. `kind` picks its branch in
 * templates/generic/convention.hbs: a shared partial fed `values` (the step's data), the granted scopes, or
 * the step's `fields`; after a partial, `fields` holds what the partial does not show.
 */
export type GenericSection =
  | { kind: ArticleKind; title: string; values: Record<string, unknown>; fields: GenericField[] }
  | { kind: 'granted_scopes'; title: string; fields: GenericField[] }
  | { kind: 'fields'; title: string; fields: GenericField[] };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The articles of the convention of a definition without convention.hbs: each step with data, in step order,
 * with its title and each field's title and value; the project, legal basis and personal data through their
 * shared partials, the scopes step as the granted scopes by group. Steps with nothing to show are left out.
 */
export function genericSections(definition: Pick<Definition, 'schema' | 'uiSchema' | 'steps' | 'meta'>, data: Record<string, unknown>): GenericSection[] {
  const ctx = { schema: definition.schema, uiSchema: definition.uiSchema };
  const sections: GenericSection[] = [];
  for (const step of definition.steps) {
    const value = data[step.id];
    if (step.id === 'scopes' && definition.meta.scopes.length) {
      if (Array.isArray(value) && value.length) sections.push({ kind: 'granted_scopes', title: step.title, fields: [] });
      continue;
    }
    if (!isObject(value)) continue;
    const declared = new Set(subschemasAt(definition.schema, [step.id]).flatMap((s) => [...knownProperties(definition.schema, s)]));
    const article = (Object.keys(ARTICLES) as ArticleKind[]).find((kind) => ARTICLES[kind].reads.every((key) => declared.has(key) && value[key] !== undefined && value[key] !== null));
    if (article) {
      const shown = new Set<string>(ARTICLES[article].shows);
      const rest = describeFields(ctx, [step.id], Object.fromEntries(Object.entries(value).filter(([key]) => !shown.has(key))));
      sections.push({ kind: article, title: step.title, values: value, fields: rest });
      continue;
    }
    const fields = describeFields(ctx, [step.id], value);
    if (fields.length) sections.push({ kind: 'fields', title: step.title, fields });
  }
  return sections;
}
