import assert from 'node:assert/strict';
import { testValidator, validData } from './fixture.js';

function withScopes(scopes: unknown[]) {
  return { ...validData(), scopes };
}

describe('validate: scopes', () => {
  it('injects the declared values: an unknown scope is refused at its index', () => {
    assert.deepEqual(testValidator().validate(withScopes(['cnaf_quotient_familial', 'inconnue']), { context: 'submit' }).issues, [
      { code: 'FIELD_INVALID', pointer: '/scopes/1', message: "« Données demandées » doit être l'une des valeurs proposées (« inconnue » n'en fait pas partie)." },
    ]);
  });

  it('reports a scope of the wrong type once, as a type issue', () => {
    assert.deepEqual(testValidator().validate(withScopes(['cnaf_quotient_familial', 42]), { context: 'submit' }).issues, [
      { code: 'FIELD_TYPE', pointer: '/scopes/1', message: '« Données demandées » doit être un texte.' },
    ]);
  });

  it('injects uniqueness', () => {
    assert.deepEqual(testValidator().validate(withScopes(['cnaf_quotient_familial', 'cnaf_quotient_familial']), { context: 'submit' }).issues, [
      { code: 'FIELD_INVALID', pointer: '/scopes', message: '« Données demandées » ne doit pas contenir deux fois la même valeur.' },
    ]);
  });

  it('needs at least one scope at submit, and the scopes themselves', () => {
    const v = testValidator();
    assert.deepEqual(v.validate(withScopes([]), { context: 'submit' }).issues.map((i) => [i.code, i.pointer]), [['FIELD_REQUIRED', '/scopes']]);
    const data = validData();
    delete data.scopes;
    assert.deepEqual(v.validate(data, { context: 'submit' }).issues.map((i) => [i.code, i.pointer]), [['FIELD_REQUIRED', '/scopes']]);
  });

  it('refuses a disabled scope', () => {
    assert.deepEqual(testValidator().validate(withScopes(['cnaf_quotient_familial', 'donnee_fermee']), { context: 'submit' }).issues, [
      { code: 'SCOPE_DISABLED', pointer: '/scopes/1', message: 'La donnée « Donnée fermée » ne peut pas être demandée.' },
    ]);
  });

  it('refuses a deprecated scope for requests created after its date, not before', () => {
    const v = testValidator();
    const data = withScopes(['ancienne_donnee', 'cnaf_quotient_familial']);
    assert.equal(v.validate(data, { context: 'submit', createdAt: '2023-12-31T23:00:00Z' }).valid, true);
    const expected = [{ code: 'SCOPE_DEPRECATED', pointer: '/scopes/0', message: "La donnée « Ancienne donnée » n'est plus proposée aux demandes créées après le 01/01/2024." }];
    assert.deepEqual(v.validate(data, { context: 'submit', createdAt: '2024-03-01' }).issues, expected);
    // Without createdAt, the request is taken as created now.
    assert.deepEqual(v.validate(data, { context: 'submit' }).issues, expected);
  });

  it("refuses a scope the use case does not offer, before any other reason", () => {
    const v = testValidator();
    const data: any = withScopes(['cnaf_quotient_familial', 'pole_emploi_identite', 'donnee_fermee']);
    data.legal = { cadre_juridique_nature: 'Article L. 114-8 du CRPA', cadre_juridique_url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038029589' };
    assert.deepEqual(v.validate(data, { context: 'submit', useCaseId: 'cantine' }).issues, [
      { code: 'SCOPE_NOT_IN_USE_CASE', pointer: '/scopes/1', message: "La donnée « Identité France Travail » n'est pas proposée pour le cas d'usage « Tarification de la cantine »." },
      { code: 'SCOPE_NOT_IN_USE_CASE', pointer: '/scopes/2', message: "La donnée « Donnée fermée » n'est pas proposée pour le cas d'usage « Tarification de la cantine »." },
    ]);
    // The same scopes without the use case: only the disabled one.
    assert.deepEqual(v.validate(data, { context: 'submit' }).issues.map((i) => i.code), ['SCOPE_DISABLED']);
  });

  it('lets the schema say its own minimum', async () => {
    const { createSubmissionValidator } = await import('../../../engine/validate/index.js');
    const { SCHEMA, META, STEPS } = await import('./fixture.js');
    const schema = structuredClone(SCHEMA);
    schema.properties!.scopes = { ...schema.properties!.scopes!, minItems: 2 };
    const v = createSubmissionValidator({ schema, meta: META, steps: STEPS });
    assert.deepEqual(v.validate(withScopes(['cnaf_quotient_familial']), { context: 'submit' }).issues, [
      { code: 'FIELD_INVALID', pointer: '/scopes', message: '« Données demandées » doit contenir au moins 2 éléments.' },
    ]);
  });

  it('still compiles when definition.yaml declares a scope twice (the loader reports it)', async () => {
    const { createSubmissionValidator } = await import('../../../engine/validate/index.js');
    const { SCHEMA, META, STEPS } = await import('./fixture.js');
    const meta = { ...META, scopes: [...META.scopes, { group: 'Doublon', items: [{ value: 'cnaf_allocataires', label: 'Encore' }] }] };
    const v = createSubmissionValidator({ schema: SCHEMA, meta, steps: STEPS });
    assert.equal(v.precompile(), undefined);
    assert.equal(v.validate(withScopes(['cnaf_allocataires']), { context: 'submit' }).valid, true);
  });
});
