import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import type { Term } from './termsKeyword.js';

/** The data key under which terms are ticked; a step may not use it. */
export const TERMS_KEY = 'terms';
/** The contact whose presence in a form calls for the "DPO informed" statement. */
export const DPO_CONTACT = 'delegue_protection_donnees';

/**
 * The boxes a submit needs ticked, in the order the form shows them: the CGU when the definition links
 * them, the DPO statement when the form has a DPO contact, then each attestation of definition.yaml.
 */
export function requiredTerms(meta: DefinitionMeta, hasDpoContact: boolean): Term[] {
  const terms: Term[] = [];
  if (meta.links?.cgu) {
    terms.push({
      id: 'cgu',
      label: "J'accepte les conditions générales d'utilisation",
      message: "Les conditions générales d'utilisation doivent être acceptées.",
    });
  }
  if (hasDpoContact) {
    terms.push({
      id: 'dpo_informed',
      label: "J'ai informé le délégué à la protection des données de ma structure de cette demande",
      message: 'Vous devez confirmer avoir informé le délégué à la protection des données de cette demande.',
    });
  }
  for (const attestation of meta.attestations ?? []) {
    terms.push({ id: attestation.id, label: attestation.label, message: `L'attestation « ${attestation.label} » doit être cochée.` });
  }
  return terms;
}

/** The schema of the `terms` object: one boolean per term, nothing else. */
export function termsSchema(terms: Term[]): Record<string, unknown> {
  return {
    type: 'object',
    title: 'Engagements',
    properties: Object.fromEntries(terms.map((t) => [t.id, { type: 'boolean', title: t.label }])),
    additionalProperties: false,
  };
}
