import assert from 'node:assert/strict';
import type { DefinitionMeta } from '../../../engine/model/DefinitionMeta.js';
import type { JsonSchema } from '../../../engine/schema/JsonSchema.js';
import { createSubmissionValidator } from '../../../engine/validate/index.js';
import { META } from './fixture.js';

const meta: DefinitionMeta = { ...META, scopes: [], use_cases: [], attestations: [], links: {} };

/** One step whose fields depend on oneOf, dependencies and allOf parts, and a free-form object. */
const schema: JsonSchema = {
  type: 'object',
  properties: {
    security: {
      type: 'object',
      title: 'Sécurité',
      properties: {
        kind: { type: 'string', title: 'Type de certification', enum: ['rgs', 'iso', 'aucune'] },
        sous_traitant: { type: 'boolean', title: 'Hébergement sous-traité' },
        notes: { type: 'object', title: 'Notes libres' },
        tags: { type: 'object', title: 'Étiquettes', patternProperties: { '^t_': { type: 'string' } } },
      },
      required: ['kind'],
      oneOf: [
        { properties: { kind: { const: 'rgs' }, date_homologation: { type: 'string', title: "Date d'homologation", format: 'date' } }, required: ['date_homologation'] },
        { properties: { kind: { const: 'iso' }, numero_certificat: { type: 'string', title: 'Numéro du certificat' } }, required: ['numero_certificat'] },
        { properties: { kind: { const: 'aucune' } } },
      ],
      dependencies: {
        sous_traitant: { properties: { nom_sous_traitant: { type: 'string', title: 'Nom du sous-traitant', minLength: 1 } }, required: ['nom_sous_traitant'] },
      },
      allOf: [{ properties: { commentaire: { type: 'string', title: 'Commentaire' } } }],
    },
  },
  required: ['security'],
};

const validator = () => createSubmissionValidator({ schema, meta, steps: [{ id: 'security', title: 'Sécurité' }] });

describe('branches: oneOf, dependencies, allOf', () => {
  it('knows fields declared in any branch: none is unknown', () => {
    const data = { security: { kind: 'rgs', date_homologation: '2024-01-15', commentaire: 'ok', notes: { x: 1 }, tags: { t_a: 'b' } } };
    assert.deepEqual(validator().validate(data, { context: 'submit' }), { valid: true, issues: [] });
  });

  it('flags a field that no branch declares, and keeps objects the author left open', () => {
    const data = { security: { kind: 'aucune', couleur: 'bleu', notes: { anything: true }, tags: { t_a: 'b', u: 1 } } };
    assert.deepEqual(validator().validate(data, { context: 'submit' }).issues, [
      { code: 'FIELD_UNKNOWN', pointer: '/security/couleur', message: "« couleur » (Sécurité) n'est pas un champ du formulaire." },
    ]);
  });

  it('reports a oneOf with no branch matching as one issue', () => {
    const issues = validator().validate({ security: { kind: 'iso' } }, { context: 'submit' }).issues;
    assert.deepEqual(issues, [{ code: 'FIELD_INVALID', pointer: '/security', message: '« Sécurité » ne correspond à aucun des cas prévus.' }]);
  });

  it('requires what a dependency asks for once its key is present', () => {
    assert.deepEqual(validator().validate({ security: { kind: 'aucune', sous_traitant: true } }, { context: 'submit' }).issues, [
      { code: 'FIELD_REQUIRED', pointer: '/security/nom_sous_traitant', message: '« Nom du sous-traitant » est obligatoire.' },
    ]);
  });

  it('normalize keeps the fields of the oneOf branch the value fits and drops the others', () => {
    const v = validator();
    const out = v.normalize({ security: { kind: 'iso', numero_certificat: 'C-1', date_homologation: '2024-01-15', commentaire: 'c' } }, {});
    assert.deepEqual(out, { security: { kind: 'iso', numero_certificat: 'C-1', commentaire: 'c' } });
  });

  it('normalize keeps every branch when the value fits none, rather than lose data', () => {
    const out = validator().normalize({ security: { kind: 'autre', numero_certificat: 'C-1', date_homologation: '2024-01-15' } }, {});
    assert.deepEqual(out, { security: { kind: 'autre', numero_certificat: 'C-1', date_homologation: '2024-01-15' } });
  });

  it('normalize keeps a dependency branch only while its key is present', () => {
    const v = validator();
    assert.deepEqual(v.normalize({ security: { kind: 'aucune', nom_sous_traitant: 'X' } }, {}), { security: { kind: 'aucune' } });
    assert.deepEqual(v.normalize({ security: { kind: 'aucune', sous_traitant: true, nom_sous_traitant: 'X' } }, {}), {
      security: { kind: 'aucune', sous_traitant: true, nom_sous_traitant: 'X' },
    });
  });

  it('normalize keeps the content of free-form objects and pattern properties', () => {
    const data = { security: { kind: 'aucune', notes: { a: { b: [1] } }, tags: { t_a: 'x', autre: 2 } } };
    assert.deepEqual(validator().normalize(data, {}), data);
  });
});
