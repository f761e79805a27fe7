import assert from 'node:assert/strict';
import type { DefinitionMeta } from '../../../engine/model/DefinitionMeta.js';
import type { JsonSchema } from '../../../engine/schema/JsonSchema.js';
import { acceptedKeywords, createSubmissionValidator, schemaVocabulary } from '../../../engine/validate/index.js';
import { DRAFT07_KEYWORDS } from '../../../engine/schema/draft07Keywords.js';
import { META } from './fixture.js';

const meta: DefinitionMeta = { ...META, scopes: [], use_cases: [], attestations: [], links: {} };

function oneStep(properties: Record<string, JsonSchema>, extra: JsonSchema = {}) {
  const schema: JsonSchema = { type: 'object', properties: { step: { type: 'object', title: 'Étape', properties, ...extra } } };
  return createSubmissionValidator({ schema, meta, steps: [{ id: 'step', title: 'Étape' }] });
}

describe('schema vocabulary', () => {
  it('accepts draft-07, errorMessage and the keywords registered for schema authors, not the engine-injected ones', () => {
    const keywords = schemaVocabulary().keywords;
    for (const k of DRAFT07_KEYWORDS) assert.ok(keywords.has(k), k);
    for (const k of ['errorMessage', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum']) assert.ok(keywords.has(k), k);
    for (const k of ['datapass:scopes', 'datapass:locked', 'datapass:terms', 'requried', 'enumNames']) assert.ok(!keywords.has(k), k);
    assert.deepEqual([...acceptedKeywords()].sort(), [...keywords].sort());
  });

  it('compiles x- annotations (removed before ajv sees them) but not unknown keywords', () => {
    assert.equal(oneStep({ a: { type: 'string', title: 'A', 'x-widget-hint': 'large' } }).precompile(), undefined);
    assert.match(oneStep({ a: { type: 'string', requried: true } }).precompile() ?? '', /unknown keyword: "requried"/);
  });

  it('gives a broken schema back as a compile error, not an exception', () => {
    const v = oneStep({ a: { type: 'strin' } });
    const error = v.precompile();
    assert.match(error ?? '', /schema is invalid/);
    assert.equal(v.precompile(), error, 'the same error every time');
  });

  it('compares two dates with formatExclusiveMinimum and $data (end after begin)', () => {
    const v = oneStep({
      date_debut: { type: 'string', title: 'Date de début', format: 'date' },
      date_fin: { type: 'string', title: 'Date de fin', format: 'date', formatExclusiveMinimum: { $data: '1/date_debut' } },
    });
    assert.equal(v.validate({ step: { date_debut: '2024-01-01', date_fin: '2024-06-30' } }, { context: 'submit' }).valid, true);
    assert.deepEqual(v.validate({ step: { date_debut: '2024-01-01', date_fin: '2023-12-31' } }, { context: 'submit' }).issues, [
      { code: 'FIELD_INVALID', pointer: '/step/date_fin', message: '« Date de fin » doit être postérieur à « 2024-01-01 ».' },
    ]);
    assert.equal(v.validate({ step: { date_debut: '2024-01-01', date_fin: '2023-12-31' } }, { context: 'save' }).valid, true, 'a rule, not shape');
  });
});

describe('errorMessage', () => {
  it('puts the label before a message that starts in lower case, and uses a sentence as it is', () => {
    const v = oneStep(
      {
        taille: { type: 'integer', title: 'Taille', maximum: 10, errorMessage: { maximum: 'ne doit pas dépasser 10 Mo' } },
        type_fichier: { type: 'string', title: 'Type de fichier', const: 'application/pdf', errorMessage: 'Seuls les fichiers PDF sont acceptés' },
      },
      { required: ['taille', 'type_fichier'] },
    );
    assert.deepEqual(v.validate({ step: { taille: 11, type_fichier: 'image/png' } }, { context: 'submit' }).issues, [
      { code: 'FIELD_INVALID', pointer: '/step/taille', message: '« Taille » ne doit pas dépasser 10 Mo.' },
      { code: 'FIELD_INVALID', pointer: '/step/type_fichier', message: 'Seuls les fichiers PDF sont acceptés.' },
    ]);
  });

  it('keeps the code and the field pointer of the errors it replaces', () => {
    const v = oneStep(
      { a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' }, courriel: { type: 'string', title: 'Courriel', format: 'email', errorMessage: 'doit être une adresse e-mail de votre organisation' } },
      { required: ['a', 'b'], errorMessage: { required: { a: 'Renseignez A, il sert à tout.' } } },
    );
    assert.deepEqual(v.validate({ step: { courriel: 'x' } }, { context: 'submit' }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/step/b', message: '« B » est obligatoire.' },
      { code: 'FIELD_FORMAT', pointer: '/step/courriel', message: '« Courriel » doit être une adresse e-mail de votre organisation.' },
      { code: 'FIELD_REQUIRED', pointer: '/step/a', message: 'Renseignez A, il sert à tout.' },
    ]);
  });

  it('gives one issue per missing field for a predicate message on `required`', () => {
    const v = oneStep({ a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' } }, { required: ['a', 'b'], errorMessage: { required: 'doit être renseigné' } });
    assert.deepEqual(v.validate({ step: {} }, { context: 'submit' }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/step/a', message: '« A » doit être renseigné.' },
      { code: 'FIELD_REQUIRED', pointer: '/step/b', message: '« B » doit être renseigné.' },
    ]);
  });

  it('without errorMessage, an anyOf of required fields names the alternatives once', () => {
    const v = oneStep({ url: { type: 'string', title: 'Lien' }, document: { type: 'string', title: 'Document' } }, { anyOf: [{ required: ['url'] }, { required: ['document'] }] });
    assert.deepEqual(v.validate({ step: {} }, { context: 'submit' }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/step', message: '« Étape » : renseignez « Lien » ou « Document ».' },
    ]);
  });
});

describe('French messages of the generic keywords', () => {
  it('names limits, lengths, patterns and types', () => {
    const v = oneStep({
      code: { type: 'string', title: 'Code', pattern: '^[A-Z]{3}$' },
      nombre: { type: 'number', title: 'Nombre', exclusiveMaximum: 5, multipleOf: 2 },
      liste: { type: 'array', title: 'Liste', items: { type: 'string' }, minItems: 2 },
      accord: { type: 'boolean', title: 'Accord', const: true },
    });
    assert.deepEqual(v.validate({ step: { code: 'ab', nombre: 7, liste: ['x'], accord: false } }, { context: 'submit' }).issues, [
      { code: 'FIELD_FORMAT', pointer: '/step/code', message: "« Code » n'est pas au format attendu." },
      { code: 'FIELD_INVALID', pointer: '/step/nombre', message: '« Nombre » doit être inférieur à 5.' },
      { code: 'FIELD_INVALID', pointer: '/step/nombre', message: '« Nombre » doit être un multiple de 2.' },
      { code: 'FIELD_INVALID', pointer: '/step/liste', message: '« Liste » doit contenir au moins 2 éléments.' },
      { code: 'FIELD_INVALID', pointer: '/step/accord', message: '« Accord » doit être coché.' },
    ]);
  });
});
