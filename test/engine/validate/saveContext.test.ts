import assert from 'node:assert/strict';
import { testValidator } from './fixture.js';

const save = { context: 'save' } as const;

describe('validate: save context (shape only)', () => {
  it('saves a half-filled draft: nothing required, empty texts and lists, unfinished formats', () => {
    const draft = {
      basic_infos: { intitule: 'ab', description: '' },
      legal: { cadre_juridique_url: 'www.', cadre_juridique_document: [] },
      scopes: [],
      personal_data: { duree_conservation: 48 },
      contacts: { contact_technique: { email: 'dsi@', phone_number: '01' } },
      terms: { cgu: false },
    };
    assert.deepEqual(testValidator().validate(draft, save), { valid: true, issues: [] });
    assert.deepEqual(testValidator().validate({}, save), { valid: true, issues: [] });
  });

  it('still refuses wrong types, values outside a list, too long texts and lists, unknown fields', () => {
    const draft = {
      basic_infos: { intitule: 'x'.repeat(101) },
      legal: { cadre_juridique_document: ['1', '2', '3', '4', '5', '6', '7'] },
      personal_data: { duree_conservation: 'douze' },
      contacts: { contact_technique: { type: 'robot', family_name: 42, fax: '01' } },
      terms: { cgu: 'oui' },
    };
    assert.deepEqual(testValidator().validate(draft, save).issues, [
      { code: 'FIELD_INVALID', pointer: '/basic_infos/intitule', message: '« Intitulé du projet » ne doit pas dépasser 100 caractères.' },
      { code: 'FIELD_INVALID', pointer: '/legal/cadre_juridique_document', message: '« Texte au format PDF » ne doit pas contenir plus de 6 éléments.' },
      { code: 'FIELD_TYPE', pointer: '/personal_data/duree_conservation', message: '« Durée de conservation (en mois) » doit être un nombre entier.' },
      { code: 'FIELD_UNKNOWN', pointer: '/contacts/contact_technique/fax', message: "« fax » (Contact technique) n'est pas un champ du formulaire." },
      { code: 'FIELD_INVALID', pointer: '/contacts/contact_technique/type', message: "« Ce contact est » (Contact technique) doit être l'une des valeurs proposées (« robot » n'en fait pas partie)." },
      // Declared only in the "person" branch, still checked for its type.
      { code: 'FIELD_TYPE', pointer: '/contacts/contact_technique/family_name', message: '« Nom » (Contact technique) doit être un texte.' },
      { code: 'FIELD_TYPE', pointer: '/terms/cgu', message: "« J'accepte les conditions générales d'utilisation » doit être vrai ou faux." },
    ]);
  });

  it('refuses scopes that cannot be ticked, unknown ones and duplicates', () => {
    const issues = testValidator().validate({ scopes: ['donnee_fermee', 'inconnue', 'cnaf_allocataires', 'cnaf_allocataires'] }, save).issues;
    assert.deepEqual(issues.map((i) => [i.code, i.pointer]), [
      ['FIELD_INVALID', '/scopes/1'],
      ['FIELD_INVALID', '/scopes'],
      ['SCOPE_DISABLED', '/scopes/0'],
    ]);
  });
});
