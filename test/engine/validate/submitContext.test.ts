import assert from 'node:assert/strict';
import { testValidator, validData } from './fixture.js';

const submit = { context: 'submit' } as const;

describe('validate: submit context', () => {
  it('accepts a complete submission', () => {
    assert.deepEqual(testValidator().validate(validData(), submit), { valid: true, issues: [] });
  });

  it('reports every problem once, in French, naming fields by their titles, at the field itself', () => {
    const data: any = validData();
    data.basic_infos = { intitule: '', description: 'x', date_prevue_mise_en_production: '2024-13-01' };
    data.legal = { cadre_juridique_nature: 'Loi' };
    data.scopes = [];
    data.personal_data = { duree_conservation: 48 };
    data.contacts.contact_technique.phone_number = '01 23 45 67 89';
    delete data.contacts.responsable_traitement.job_title;
    data.contacts.responsable_traitement.fax = '01 23 45 67 88';
    data.terms = { cgu: true };
    const result = testValidator().validate(data, submit);
    assert.equal(result.valid, false);
    assert.deepEqual(result.issues, [
      { code: 'FIELD_REQUIRED', pointer: '/basic_infos/intitule', message: '« Intitulé du projet » est obligatoire.' },
      { code: 'FIELD_FORMAT', pointer: '/basic_infos/date_prevue_mise_en_production', message: '« Date de mise en production » doit être une date au format AAAA-MM-JJ.' },
      { code: 'FIELD_REQUIRED', pointer: '/legal', message: "Indiquez l'URL du texte ou joignez-le au format PDF." },
      { code: 'FIELD_REQUIRED', pointer: '/scopes', message: '« Données demandées » est obligatoire.' },
      { code: 'FIELD_REQUIRED', pointer: '/personal_data/justification', message: '« Justification de la durée » est obligatoire.' },
      { code: 'FIELD_REQUIRED', pointer: '/contacts/responsable_traitement/job_title', message: '« Fonction » (Responsable de traitement) est obligatoire.' },
      { code: 'FIELD_UNKNOWN', pointer: '/contacts/responsable_traitement/fax', message: "« fax » (Responsable de traitement) n'est pas un champ du formulaire." },
      { code: 'FIELD_FORMAT', pointer: '/contacts/contact_technique/phone_number', message: '« Téléphone » (Contact technique) doit être un numéro de téléphone portable français.' },
      { code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/dpo_informed', message: 'Vous devez confirmer avoir informé le délégué à la protection des données de cette demande.' },
      { code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/alternative_connexion', message: "L'attestation « Le service propose une autre façon de se connecter » doit être cochée." },
    ]);
    for (const issue of result.issues) assert.equal('file' in issue, false);
  });

  it('points a missing required field at the field, not at its object', () => {
    const data: any = validData();
    delete data.contacts.contact_technique.email;
    assert.deepEqual(testValidator().validate(data, submit).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/contacts/contact_technique/email', message: '« Adresse e-mail » (Contact technique) est obligatoire.' },
    ]);
  });

  it('asks a person for a name and job title, an organisation only for e-mail and phone', () => {
    const data: any = validData();
    data.contacts.responsable_traitement = { type: 'organization', email: 'mairie@exemple-commune.fr', phone_number: '01 23 45 67 89' };
    assert.equal(testValidator().validate(data, submit).valid, true);
    data.contacts.responsable_traitement.type = 'person';
    assert.deepEqual(testValidator().validate(data, submit).issues.map((i) => i.pointer), [
      '/contacts/responsable_traitement/family_name',
      '/contacts/responsable_traitement/given_name',
      '/contacts/responsable_traitement/job_title',
    ]);
  });

  it('needs a legal URL or a document: one issue with the schema message, none for the alternatives', () => {
    const v = testValidator();
    const data: any = validData();
    data.scopes = ['cnaf_allocataires'];
    data.legal = { cadre_juridique_nature: 'Loi', cadre_juridique_document: ['document-1'] };
    assert.equal(v.validate(data, submit).valid, true);
    data.legal = { cadre_juridique_nature: 'Loi' };
    assert.deepEqual(v.validate(data, submit).issues, [{ code: 'FIELD_REQUIRED', pointer: '/legal', message: "Indiquez l'URL du texte ou joignez-le au format PDF." }]);
  });

  it('needs a justification for a retention over 36 months only', () => {
    const v = testValidator();
    const data: any = validData();
    data.personal_data = { duree_conservation: 36 };
    assert.equal(v.validate(data, submit).valid, true);
    data.personal_data = { duree_conservation: 37 };
    assert.deepEqual(v.validate(data, submit).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/personal_data/justification', message: '« Justification de la durée » est obligatoire.' },
    ]);
    data.personal_data = { duree_conservation: 37, justification: 'Obligation légale d’archivage.' };
    assert.equal(v.validate(data, submit).valid, true);
    data.personal_data = { duree_conservation: '48' };
    assert.deepEqual(v.validate(data, submit).issues, [
      { code: 'FIELD_TYPE', pointer: '/personal_data/duree_conservation', message: '« Durée de conservation (en mois) » doit être un nombre entier.' },
    ]);
  });

  it('applies root-level rules across steps (the family quotient needs the legal URL)', () => {
    const data: any = validData();
    data.legal = { cadre_juridique_nature: 'Loi', cadre_juridique_document: ['document-1'] };
    assert.deepEqual(testValidator().validate(data, submit).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/legal/cadre_juridique_url', message: '« URL du texte » est obligatoire.' },
    ]);
  });

  it('requires the terms: one issue per box, at /terms/<id>, when terms are missing altogether', () => {
    const data = validData();
    delete data.terms;
    assert.deepEqual(testValidator().validate(data, submit).issues, [
      { code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/cgu', message: "Les conditions générales d'utilisation doivent être acceptées." },
      { code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/dpo_informed', message: 'Vous devez confirmer avoir informé le délégué à la protection des données de cette demande.' },
      { code: 'TERMS_NOT_ACCEPTED', pointer: '/terms/alternative_connexion', message: "L'attestation « Le service propose une autre façon de se connecter » doit être cochée." },
    ]);
  });

  it('accepts only true as a ticked box, and no other key under terms', () => {
    const data: any = validData();
    data.terms = { cgu: 'yes', dpo_informed: false, alternative_connexion: true, newsletter: true };
    assert.deepEqual(testValidator().validate(data, submit).issues.map((i) => [i.code, i.pointer]), [
      ['FIELD_UNKNOWN', '/terms/newsletter'],
      ['TERMS_NOT_ACCEPTED', '/terms/cgu'],
      ['TERMS_NOT_ACCEPTED', '/terms/dpo_informed'],
    ]);
  });

  it('names a value outside a labelled list (oneOf of consts) once', () => {
    const data: any = validData();
    data.contacts.contact_technique.type = 'robot';
    assert.deepEqual(testValidator().validate(data, submit).issues, [
      { code: 'FIELD_INVALID', pointer: '/contacts/contact_technique/type', message: "« Ce contact est » (Contact technique) doit être l'une des valeurs proposées (« robot » n'en fait pas partie)." },
    ]);
  });

  it('reports a value of the wrong type in a labelled list as a type issue only', () => {
    const data: any = validData();
    data.contacts.contact_technique.type = 3;
    assert.deepEqual(testValidator().validate(data, submit).issues, [
      { code: 'FIELD_TYPE', pointer: '/contacts/contact_technique/type', message: '« Ce contact est » (Contact technique) doit être un texte.' },
    ]);
  });

  it('reports data that is not an object as a type issue on the whole request', () => {
    for (const data of ['x', null, 42, []]) {
      assert.deepEqual(testValidator().validate(data, submit).issues.slice(0, 1), [{ code: 'FIELD_TYPE', pointer: '', message: 'La demande doit être un ensemble de champs.' }]);
    }
  });
});
