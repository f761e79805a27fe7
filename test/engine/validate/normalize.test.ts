import assert from 'node:assert/strict';
import { createSubmissionValidator } from '../../../engine/validate/index.js';
import { META, SCHEMA, STEPS, testValidator, validData } from './fixture.js';

describe('normalize', () => {
  it('drops the person fields of a contact whose type is organization, keeps them for a person', () => {
    const data: any = validData();
    data.contacts.responsable_traitement.type = 'organization';
    const out: any = testValidator().normalize(data, {});
    assert.deepEqual(out.contacts.responsable_traitement, { type: 'organization', email: 'maire@exemple-commune.fr', phone_number: '01 23 45 67 89' });
    assert.equal(out.contacts.contact_technique.family_name, 'Durand', 'no type: the person branch applies');
  });

  it('drops the justification when the retention no longer needs one, keeps it over 36 months', () => {
    const v = testValidator();
    const short: any = v.normalize({ ...validData(), personal_data: { duree_conservation: 12, justification: 'Archivage.' } }, {});
    assert.deepEqual(short.personal_data, { duree_conservation: 12 });
    const long: any = v.normalize({ ...validData(), personal_data: { duree_conservation: 48, justification: 'Archivage.' } }, {});
    assert.deepEqual(long.personal_data, { duree_conservation: 48, justification: 'Archivage.' });
  });

  it('removes fields declared in no branch, at any depth, and keeps the terms', () => {
    const data: any = { ...validData(), extra: 1 };
    data.basic_infos.couleur = 'bleu';
    data.contacts.contact_technique.fax = '01';
    const out: any = testValidator().normalize(data, {});
    assert.equal('extra' in out, false);
    assert.equal('couleur' in out.basic_infos, false);
    assert.equal('fax' in out.contacts.contact_technique, false);
    assert.deepEqual(out.terms, validData().terms);
  });

  it('adds the included scopes and stores scopes in declaration order', () => {
    const v = testValidator();
    assert.deepEqual(v.normalize({ scopes: ['pole_emploi_identite', 'cnaf_quotient_familial'] }, {}).scopes, ['cnaf_quotient_familial', 'cnaf_adresse', 'pole_emploi_identite']);
    assert.deepEqual(v.normalize({}, {}).scopes, ['cnaf_adresse']);
    // Undeclared values stay, after, for validation to report.
    assert.deepEqual(v.normalize({ scopes: ['zzz', 'cnaf_allocataires'] }, {}).scopes, ['cnaf_allocataires', 'cnaf_adresse', 'zzz']);
  });

  it('sets locked fields back to the prefill of the use case', () => {
    const data: any = { ...validData(), legal: { cadre_juridique_nature: 'Autre chose', cadre_juridique_document: ['d'] } };
    const out: any = testValidator().normalize(data, { useCaseId: 'cantine' });
    assert.deepEqual(out.legal, { ...META.use_cases[0]!.prefill!.legal as object, cadre_juridique_document: ['d'] });
    const empty: any = testValidator().normalize({}, { useCaseId: 'cantine' });
    assert.deepEqual(empty.legal, META.use_cases[0]!.prefill!.legal);
  });

  it('completes a locked scope list with the included scopes instead of stripping them', () => {
    const useCase = { ...META.use_cases[0]!, id: 'scopes-verrouilles', locked: ['/scopes'] };
    const v = createSubmissionValidator({ schema: SCHEMA, meta: { ...META, use_cases: [useCase] }, steps: STEPS });
    // The prefill names only the family quotient: the included address is still granted, and a scope the
    // applicant adds to a locked list is set back.
    assert.deepEqual(v.normalize({ scopes: ['cnaf_allocataires'] }, { useCaseId: 'scopes-verrouilles' }).scopes, ['cnaf_quotient_familial', 'cnaf_adresse']);
  });

  it('judges branches after setting locked fields back: data only the changed value opened is dropped', () => {
    // A use case that fixes the retention at 12 months: a justification written for 48 is not stored.
    const useCase = { ...META.use_cases[0]!, id: 'duree-fixee', prefill: { ...META.use_cases[0]!.prefill, personal_data: { duree_conservation: 12 } }, locked: ['/personal_data/duree_conservation'] };
    const v = createSubmissionValidator({ schema: SCHEMA, meta: { ...META, use_cases: [useCase] }, steps: STEPS });
    const input = { ...validData(), personal_data: { duree_conservation: 48, justification: 'Écrite pour 48 mois.' } };
    const before = structuredClone(input);
    assert.deepEqual(v.normalize(input, { useCaseId: 'duree-fixee' }).personal_data, { duree_conservation: 12 });
    assert.deepEqual(input, before, 'the input is not changed');
  });

  it('accepts boolean schemas (true, false) for a property, as draft-07 allows', () => {
    // Found by the loader's property test: a schema value replaced by `false` made normalize throw.
    const schema = structuredClone(SCHEMA) as any;
    schema.properties.basic_infos.properties.libre = true;
    schema.properties.basic_infos.properties.interdit = false;
    const v = createSubmissionValidator({ schema, meta: META, steps: STEPS });
    const out: any = v.normalize({ ...validData(), basic_infos: { ...(validData().basic_infos as object), libre: { a: 1 }, interdit: { b: 2 } } }, {});
    assert.deepEqual(out.basic_infos.libre, { a: 1 });
    assert.deepEqual(out.basic_infos.interdit, { b: 2 }, 'kept for validation to refuse');
  });

  it('returns new data and never mutates its input', () => {
    const data: any = validData();
    data.contacts.responsable_traitement.type = 'organization';
    const before = structuredClone(data);
    const out: any = testValidator().normalize(data, { useCaseId: 'cantine' });
    assert.deepEqual(data, before);
    out.contacts.contact_technique.email = 'changed@exemple.fr';
    assert.equal(data.contacts.contact_technique.email, 'dsi@exemple-commune.fr');
  });

  it('gives data that validates: normalize, then submit', () => {
    const data: any = validData();
    data.contacts.responsable_traitement = { type: 'organization', email: 'a@exemple.fr', phone_number: '01 23 45 67 89', family_name: 'Reste' };
    data.scopes = ['cnaf_quotient_familial'];
    const v = testValidator();
    assert.deepEqual(v.validate(v.normalize(data, {}), { context: 'submit' }), { valid: true, issues: [] });
  });
});
