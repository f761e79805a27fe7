import assert from 'node:assert/strict';
import { META, testValidator, validData } from './fixture.js';

const cantine = META.use_cases[0]!;

function cantineData(): any {
  return { ...validData(), legal: structuredClone(cantine.prefill!.legal) };
}

describe('validate: use cases', () => {
  it('accepts the prefilled values of locked fields', () => {
    assert.deepEqual(testValidator().validate(cantineData(), { context: 'submit', useCaseId: 'cantine' }), { valid: true, issues: [] });
  });

  it('refuses a locked field changed from its prefill', () => {
    const data = cantineData();
    data.legal.cadre_juridique_url = 'https://www.exemple.fr/autre-texte';
    assert.deepEqual(testValidator().validate(data, { context: 'submit', useCaseId: 'cantine' }).issues, [
      { code: 'FIELD_LOCKED', pointer: '/legal/cadre_juridique_url', message: "« URL du texte » est fixé par le cas d'usage « Tarification de la cantine » et ne peut pas être modifié." },
    ]);
  });

  it('counts a removed locked field as a change, except in a save', () => {
    const v = testValidator();
    const data = cantineData();
    delete data.legal.cadre_juridique_nature;
    const locked = { code: 'FIELD_LOCKED', pointer: '/legal/cadre_juridique_nature', message: "« Nature du texte » est fixé par le cas d'usage « Tarification de la cantine » et ne peut pas être modifié." };
    assert.deepEqual(v.validate(data, { context: 'submit', useCaseId: 'cantine' }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/legal/cadre_juridique_nature', message: '« Nature du texte » est obligatoire.' },
      locked,
    ]);
    assert.deepEqual(v.validate(data, { context: 'save', useCaseId: 'cantine' }), { valid: true, issues: [] });
    assert.deepEqual(v.validate({ legal: { cadre_juridique_nature: 'Autre' } }, { context: 'save', useCaseId: 'cantine' }).issues, [{ ...locked }]);
    // Before the legal step, its locked fields may still be absent.
    assert.equal(v.validate({ basic_infos: validData().basic_infos }, { context: { step: 'basic_infos' }, useCaseId: 'cantine' }).valid, true);
  });

  it('reports an unknown use case', () => {
    assert.deepEqual(testValidator().validate(cantineData(), { context: 'submit', useCaseId: 'cantin' }), {
      valid: false,
      issues: [{ code: 'UNKNOWN_USE_CASE', pointer: '', message: "Cas d'usage inconnu « cantin ». Vouliez-vous dire « cantine » ? Cas d'usage de ce formulaire : cantine." }],
    });
  });

  it('reports an unknown use case and an unknown step together', () => {
    assert.deepEqual(testValidator().validate({}, { context: { step: 'nope' }, useCaseId: 'nope' }).issues.map((i) => i.code), ['UNKNOWN_USE_CASE', 'UNKNOWN_STEP']);
  });
});
