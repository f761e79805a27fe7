import assert from 'node:assert/strict';
import { testValidator, validData } from './fixture.js';

describe('validate: step context', () => {
  it('checks the step and the earlier ones fully, the later ones for their shape only', () => {
    const data = {
      basic_infos: { intitule: 'Cantine', description: 'Tarifs.' },
      legal: { cadre_juridique_nature: 'Loi' },
      contacts: { contact_technique: { email: 'dsi@', family_name: 42 } },
    };
    const v = testValidator();
    assert.deepEqual(v.validate(data, { context: { step: 'basic_infos' } }).issues, [
      { code: 'FIELD_TYPE', pointer: '/contacts/contact_technique/family_name', message: '« Nom » (Contact technique) doit être un texte.' },
    ]);
    assert.deepEqual(v.validate(data, { context: { step: 'legal' } }).issues.map((i) => [i.code, i.pointer]), [
      ['FIELD_REQUIRED', '/legal'],
      ['FIELD_TYPE', '/contacts/contact_technique/family_name'],
    ]);
  });

  it('requires the top-level steps up to the current one only', () => {
    const v = testValidator();
    assert.deepEqual(v.validate({}, { context: { step: 'basic_infos' } }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/basic_infos', message: '« Le projet » est obligatoire.' },
    ]);
    assert.deepEqual(v.validate({}, { context: { step: 'scopes' } }).issues.map((i) => i.pointer), ['/basic_infos', '/legal', '/scopes']);
  });

  it('keeps a root rule only once every step it mentions is reached', () => {
    const data: any = validData();
    data.legal = { cadre_juridique_nature: 'Loi', cadre_juridique_document: ['document-1'] };
    const v = testValidator();
    assert.equal(v.validate(data, { context: { step: 'legal' } }).valid, true);
    assert.deepEqual(v.validate(data, { context: { step: 'scopes' } }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/legal/cadre_juridique_url', message: '« URL du texte » est obligatoire.' },
    ]);
  });

  it('asks for at least one scope from the scopes step on, not before', () => {
    const data: any = validData();
    data.scopes = [];
    const v = testValidator();
    assert.equal(v.validate(data, { context: { step: 'legal' } }).valid, true);
    assert.deepEqual(v.validate(data, { context: { step: 'scopes' } }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/scopes', message: '« Données demandées » est obligatoire.' },
    ]);
  });

  it('does not ask for the terms before the submit', () => {
    const data = validData();
    delete data.terms;
    assert.equal(testValidator().validate(data, { context: { step: 'contacts' } }).valid, true);
  });

  it('reports an unknown step with the known ones', () => {
    assert.deepEqual(testValidator().validate(validData(), { context: { step: 'contact' } }), {
      valid: false,
      issues: [{ code: 'UNKNOWN_STEP', pointer: '', message: 'Étape inconnue « contact ». Vouliez-vous dire « contacts » ? Étapes de ce formulaire : basic_infos, legal, scopes, personal_data, contacts.' }],
    });
  });
});
