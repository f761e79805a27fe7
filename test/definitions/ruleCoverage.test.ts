import assert from 'node:assert/strict';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import { runExample } from '../../engine/load/loadExamples.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES, deep: false });

/**
 * Every rule the real definitions must enforce (issue 3), with the issue an invalid example must show for
 * it. A rule without an invalid example producing that issue fails here, so no rule goes untested.
 */
const RULES: { definition: string; rule: string; code: string; pointer: string }[] = [
  // API Particulier
  { definition: 'api-particulier', rule: 'at least one scope', code: 'FIELD_REQUIRED', pointer: '/scopes' },
  { definition: 'api-particulier', rule: 'at least one modality', code: 'FIELD_REQUIRED', pointer: '/modalities/modalities' },
  { definition: 'api-particulier', rule: 'FranceConnect modality needs a FranceConnect authorization', code: 'FIELD_REQUIRED', pointer: '/modalities/france_connect_authorization_id' },
  { definition: 'api-particulier', rule: 'FranceConnect scopes only with the FranceConnect modality', code: 'FIELD_INVALID', pointer: '/scopes' },
  { definition: 'api-particulier', rule: 'retention over 36 months needs a justification', code: 'FIELD_REQUIRED', pointer: '/personal_data/duree_conservation_donnees_caractere_personnel_justification' },
  { definition: 'api-particulier', rule: 'legal basis needs a URL or a document', code: 'FIELD_REQUIRED', pointer: '/legal' },
  { definition: 'api-particulier', rule: 'tarification: only the CNAF scopes', code: 'SCOPE_NOT_IN_USE_CASE', pointer: '/scopes/2' },
  { definition: 'api-particulier', rule: 'CGU accepted', code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/cgu' },
  { definition: 'api-particulier', rule: 'DPO informed', code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/dpo_informed' },
  { definition: 'api-particulier', rule: 'a person contact has a name', code: 'FIELD_REQUIRED', pointer: '/contacts/contact_metier/family_name' },
  // API Entreprise
  { definition: 'api-entreprise', rule: 'retention over 36 months needs a justification', code: 'FIELD_REQUIRED', pointer: '/personal_data/duree_conservation_donnees_caractere_personnel_justification' },
  { definition: 'api-entreprise', rule: 'legal basis needs a URL or a document', code: 'FIELD_REQUIRED', pointer: '/legal' },
  { definition: 'api-entreprise', rule: 'the four contacts', code: 'FIELD_REQUIRED', pointer: '/contacts/responsable_traitement' },
  { definition: 'api-entreprise', rule: 'only declared scopes', code: 'FIELD_INVALID', pointer: '/scopes/15' },
  { definition: 'api-entreprise', rule: 'marchés publics: only its scopes', code: 'SCOPE_NOT_IN_USE_CASE', pointer: '/scopes/7' },
  { definition: 'api-entreprise', rule: 'CGU accepted', code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/cgu' },
  // FranceConnect
  { definition: 'france-connect', rule: 'eIDAS level required', code: 'FIELD_REQUIRED', pointer: '/france_connect_eidas/france_connect_eidas' },
  { definition: 'france-connect', rule: 'eIDAS level from the list', code: 'FIELD_INVALID', pointer: '/france_connect_eidas/france_connect_eidas' },
  { definition: 'france-connect', rule: 'technical contact on a French mobile (a landline is refused)', code: 'FIELD_FORMAT', pointer: '/contacts/contact_technique/phone_number' },
  { definition: 'france-connect', rule: 'alternative_connexion attestation', code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/alternative_connexion' },
  { definition: 'france-connect', rule: 'retention over 36 months needs a justification', code: 'FIELD_REQUIRED', pointer: '/personal_data/duree_conservation_donnees_caractere_personnel_justification' },
  { definition: 'france-connect', rule: 'legal basis needs a URL or a document', code: 'FIELD_REQUIRED', pointer: '/legal' },
  // API FICOBA, sandbox then production
  { definition: 'api-ficoba-sandbox', rule: 'at least one modality', code: 'FIELD_REQUIRED', pointer: '/modalities/modalities' },
  { definition: 'api-ficoba-sandbox', rule: 'at least one scope', code: 'FIELD_REQUIRED', pointer: '/scopes' },
  { definition: 'api-ficoba-sandbox', rule: 'DGFiP attestation', code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/dpd_homologation' },
  { definition: 'api-ficoba-sandbox', rule: 'retention over 36 months needs a justification', code: 'FIELD_REQUIRED', pointer: '/personal_data/duree_conservation_donnees_caractere_personnel_justification' },
  { definition: 'api-ficoba-sandbox', rule: 'legal basis needs a URL or a document', code: 'FIELD_REQUIRED', pointer: '/legal' },
  { definition: 'api-ficoba', rule: 'security certification ends after it begins', code: 'FIELD_INVALID', pointer: '/safety_certification/safety_certification_end_date' },
  { definition: 'api-ficoba', rule: 'a call rate above the lowest needs a justification', code: 'FIELD_REQUIRED', pointer: '/volumetrie/volumetrie_justification' },
  { definition: 'api-ficoba', rule: 'the call rate comes from a fixed list', code: 'FIELD_INVALID', pointer: '/volumetrie/volumetrie_appels_par_minute' },
  { definition: 'api-ficoba', rule: 'production asks for its terms again', code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/cgu' },
  { definition: 'api-ficoba', rule: 'functional acceptance attested', code: 'FIELD_INVALID', pointer: '/operational_acceptance/operational_acceptance_done' },
];

describe('every rule of the real definitions has an invalid example', () => {
  for (const { definition: id, rule, code, pointer } of RULES) {
    it(`${id}: ${rule} (${code} at ${pointer})`, () => {
      const definition = registry.definitions.get(id);
      assert.ok(definition, `${id} loads`);
      const shown = definition.examples.filter((e) => e.issues.length).some((e) => runExample(e, definition.validator).some((i) => i.code === code && i.pointer === pointer));
      assert.ok(shown, `no invalid example of ${id} produces ${code} at ${pointer}`);
    });
  }
});

describe('included scopes are always granted', () => {
  for (const definition of registry.definitions.values()) {
    const included = definition.meta.scopes.flatMap((g) => g.items.filter((s) => s.included && !s.disabled && !s.deprecated).map((s) => s.value));
    if (!included.length) continue;
    it(`${definition.id}: a submission that drops ${included.join(', ')} gets them back, not an error`, () => {
      const valid = definition.examples.filter((e) => !e.issues.length && e.context === 'submit');
      assert.ok(valid.length);
      for (const example of valid) {
        const useCase = definition.meta.use_cases.find((u) => u.id === example.useCaseId);
        const offered = included.filter((s) => !useCase?.scopes || useCase.scopes.includes(s));
        const scopes = Array.isArray(example.data.scopes) ? example.data.scopes : [];
        const dropped = { ...example.data, scopes: scopes.filter((s) => !included.includes(s as string)) };
        const options = example.useCaseId ? { useCaseId: example.useCaseId } : {};
        const stored = definition.validator.normalize(dropped, options);
        for (const scope of offered) assert.ok((stored.scopes as string[]).includes(scope), `${example.name}: ${scope} is back`);
        assert.deepEqual(definition.validator.validate(stored, { context: 'submit', ...options }).issues, [], example.name);
      }
    });
  }
});
