import assert from 'node:assert/strict';
import { formatDefinitions, getFormat, isKnownFormat, knownFormats, registerFormat } from '../../../engine/formats/index.js';
import { createSubmissionValidator, schemaVocabulary } from '../../../engine/validate/index.js';
import type { DefinitionMeta } from '../../../engine/model/DefinitionMeta.js';

const META: DefinitionMeta = {
  id: 'formats', name: 'Formats', provider: 'test', description: '', kind: 'api', public: true, links: {}, support_email: 'a@b.fr',
  features: { messaging: false, reopening: false, transfer: false }, scopes: [], use_cases: [], attestations: [], roles: [],
};

function validatorFor(format: string) {
  const schema = { type: 'object', properties: { step: { type: 'object', title: 'Étape', properties: { value: { type: 'string', title: 'Valeur', format } } } } };
  return createSubmissionValidator({ schema, meta: META, steps: [{ id: 'step', title: 'Étape' }] });
}

describe('format registry', () => {
  it('knows the domain formats and ajv-formats standard ones, each with a French message and a description', () => {
    for (const name of ['siret', 'siren', 'phone_fr', 'mobile_fr', 'email', 'url', 'date', 'date-time', 'time', 'uri', 'uuid', 'ipv4']) {
      assert.ok(isKnownFormat(name), name);
    }
    assert.ok(!isKnownFormat('telephone'));
    assert.equal(new Set(knownFormats()).size, knownFormats().length);
    for (const f of formatDefinitions()) {
      assert.match(f.message, /^(doit|est) /, f.name);
      assert.ok(f.description.length > 10, f.name);
    }
  });

  it('is what schemas use by name, with the registry message', () => {
    const v = validatorFor('siret');
    assert.equal(v.validate({ step: { value: '13002526500013' } }, { context: 'submit' }).valid, true);
    assert.deepEqual(v.validate({ step: { value: '13002526500014' } }, { context: 'submit' }).issues, [
      { code: 'FIELD_FORMAT', pointer: '/step/value', message: '« Valeur » doit être un numéro SIRET valide (14 chiffres).' },
    ]);
  });

  it('replaces ajv-formats url by the domain one, scheme optional', () => {
    const v = validatorFor('url');
    assert.equal(v.validate({ step: { value: 'www.legifrance.gouv.fr/loda' } }, { context: 'submit' }).valid, true);
    assert.equal(getFormat('url')?.validate, getFormat('url')?.validate);
  });

  it('takes new formats through the same API as the built-ins, usable by name right away', () => {
    registerFormat({ name: 'test_code_insee', validate: /^(?:\d{5}|2[AB]\d{3})$/, message: 'doit être un code INSEE de commune', description: 'INSEE commune code (test).' });
    assert.ok(isKnownFormat('test_code_insee'));
    assert.ok(schemaVocabulary().isKnownFormat('test_code_insee'));
    const v = validatorFor('test_code_insee');
    assert.equal(v.validate({ step: { value: '2A004' } }, { context: 'submit' }).valid, true);
    assert.deepEqual(v.validate({ step: { value: '2C004' } }, { context: 'submit' }).issues.map((i) => i.message), ['« Valeur » doit être un code INSEE de commune.']);
    assert.throws(() => registerFormat({ name: 'siret', validate: () => true, message: 'x', description: 'x' }), /already registered/);
  });

  it('leaves an unknown format as a compile error the loader gets back as data', () => {
    assert.match(validatorFor('telephone').precompile() ?? '', /unknown format "telephone"/);
  });
});
