import { walkSuite } from './helpers/walkSuite.js';

// Walk 3: FranceConnect, « Demande libre », filled from its valid-libre example (FranceConnect+, a mobile contact).
describe('browser: an applicant walks FranceConnect « Demande libre » to submission', function () {
  this.timeout(180_000);
  walkSuite({
    plan: (definition) => {
      const d = definition('france-connect');
      return {
        prefix: 'franceconnect',
        definition: d,
        useCaseId: 'libre',
        search: 'FranceConnect',
        data: d.examples.find((e) => e.name === 'valid-libre')!.data as Record<string, unknown>,
        emptyField: ['basic_infos', 'intitule'],
        upload: ['legal', 'cadre_juridique_document'],
        meOn: ['contacts', 'responsable_traitement'],
        saveAt: 'legal',
      };
    },
  });
});
