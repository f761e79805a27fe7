import { walkSuite } from './helpers/walkSuite.js';

// Walk 2: API Entreprise's one-page editor form (Atexo LOCAL TRUST MPE): only the contacts step is shown.
describe('browser: an applicant walks the API Entreprise editor form « LOCAL TRUST MPE (Atexo) » to submission', function () {
  this.timeout(180_000);
  walkSuite({
    plan: (definition) => {
      const d = definition('api-entreprise');
      return {
        prefix: 'entreprise-atexo',
        definition: d,
        useCaseId: 'editeur-atexo-local-trust-mpe',
        search: 'marchés publics',
        data: d.examples.find((e) => e.name === 'valid-editeur-atexo')!.data as Record<string, unknown>,
        emptyField: ['contacts', 'responsable_traitement', 'family_name'],
        meOn: ['contacts', 'contact_metier'],
        saveAt: 'contacts',
      };
    },
  });
});
