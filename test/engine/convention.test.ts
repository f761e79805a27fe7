import assert from 'node:assert/strict';
import { checkConvention } from '../../engine/check/checkConvention.js';
import { createConventionRenderer } from '../../engine/convention/conventionRenderer.js';
import { grantedScopes } from '../../engine/convention/grantedScopes.js';
import { CONVENTION_HELPERS } from '../../engine/convention/helpers.js';
import type { DefinitionMeta } from '../../engine/model/DefinitionMeta.js';
import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { TEMPLATES } from '../helpers/paths.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    modalities: {
      type: 'object',
      title: 'Modalités',
      properties: {
        modalities: { type: 'array', title: 'Modalités', items: { type: 'string', oneOf: [{ const: 'params', title: 'Avec les paramètres' }, { const: 'france_connect', title: 'Via FranceConnect' }] } },
        niveau: { type: 'string', title: 'Niveau', oneOf: [{ const: 'eidas_1', title: 'FranceConnect' }, { const: 'eidas_2', title: 'FranceConnect+' }] },
      },
    },
  },
};

const meta = {
  id: 't',
  name: 'API Test',
  provider: 'test',
  description: 'Une API de test.',
  kind: 'api',
  public: true,
  links: {},
  support_email: 'support@test.gouv.fr',
  features: { messaging: true, reopening: true, transfer: true },
  scopes: [{ group: 'Identité', items: [{ value: 'nom', label: 'Nom de naissance' }, { value: 'prenoms', label: 'Prénoms <b>' }] }],
  use_cases: [],
  attestations: [],
  roles: [],
} satisfies DefinitionMeta;

describe('conventions', () => {
  describe('date_fr', () => {
    const dateFr = CONVENTION_HELPERS.date_fr!.fn;
    it('writes French dates, the first of the month as "1er", and nothing for an absent or invalid date', () => {
      assert.equal(dateFr('2026-11-23'), '23 novembre 2026');
      assert.equal(dateFr('2027-03-01'), '1er mars 2027');
      assert.equal(dateFr('2026-11-23T23:30:00Z'), '24 novembre 2026', 'in the Paris time zone');
      assert.equal(dateFr(undefined), '');
      assert.equal(dateFr('pas une date'), '');
    });
  });

  describe('grantedScopes', () => {
    it('groups the asked scopes with their labels, in declaration order, without empty groups or unknown values', () => {
      const groups = [
        { group: 'A', items: [{ value: 'a1', label: 'A un' }, { value: 'a2', label: 'A deux' }] },
        { group: 'B', items: [{ value: 'b1', label: 'B un' }] },
        { group: 'C', items: [{ value: 'c1', label: 'C un' }] },
      ];
      assert.deepEqual(grantedScopes(groups, { scopes: ['c1', 'inconnu', 'a2', 'a1'] }), [
        { group: 'A', items: [{ value: 'a1', label: 'A un' }, { value: 'a2', label: 'A deux' }] },
        { group: 'C', items: [{ value: 'c1', label: 'C un' }] },
      ]);
      assert.deepEqual(grantedScopes(groups, {}), []);
    });
  });

  describe('the renderer', () => {
    const renderer = createConventionRenderer(TEMPLATES);
    const render = (source: string, context: Record<string, unknown>) =>
      renderer.render({ id: `t-${Math.random()}`, convention: { file: 'convention.hbs', source }, schema, meta, steps: [], uiSchema: {} }, { data: {}, ...context });

    it('shows the titles of chosen options with option_labels, and a value without a title as it is', () => {
      const html = render('{{option_labels "modalities.modalities" data.modalities.modalities}} / {{option_labels "modalities.niveau" data.modalities.niveau}}', {
        data: { modalities: { modalities: ['params', 'france_connect', 'autre'], niveau: 'eidas_2' } },
      });
      assert.equal(html, 'Avec les paramètres, Via FranceConnect, autre / FranceConnect+');
    });

    it('escapes every value: markup in the data is shown, never interpreted', () => {
      const html = render('{{data.x}} {{option_labels "modalities.niveau" data.modalities.niveau}}', { data: { x: '<script>alert(1)</script>', modalities: { niveau: '<b>' } } });
      assert.equal(html, '&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;');
    });

    it('uses the shared partials: the contact block names a person or the organisation\'s mailbox', () => {
      const html = render('<ul>{{> contact title="Contact technique" contact=data.a}}{{> contact title="DPO" contact=data.b}}{{> contact title="Absent" contact=data.c}}</ul>', {
        data: { a: { given_name: 'Camille', family_name: 'Martin', job_title: 'DSI', email: 'c@m.fr', phone_number: '0102030405' }, b: { type: 'organization', email: 'dpo@m.fr', phone_number: '0102030406' } },
      });
      assert.match(html, /<strong>Contact technique<\/strong> : Camille Martin, DSI — c@m\.fr, 0102030405/);
      assert.match(html, /<strong>DPO<\/strong> : adresse générique de l'organisation — dpo@m\.fr/);
      assert.doesNotMatch(html, /Absent/);
    });

    it('shows scope labels with scope_label, and an unknown value as it is', () => {
      assert.equal(render('{{scope_label "prenoms"}} / {{scope_label "inconnu"}}', {}), 'Prénoms &lt;b&gt; / inconnu');
    });

    it('makes lists with list, escaping each item, and nothing for an empty list', () => {
      assert.equal(render('{{list data.a}}|{{list data.b}}', { data: { a: ['x', '<i>y</i>'], b: [] } }), '<ul><li>x</li><li>&lt;i&gt;y&lt;/i&gt;</li></ul>|');
      assert.equal(render('{{#list data.a}}{{@index}}:{{name}}{{else}}aucun{{/list}}|{{#list data.b}}x{{else}}aucun{{/list}}', { data: { a: [{ name: '<b>' }], b: [] } }), '<ul><li>0:&lt;b&gt;</li></ul>|aucun');
    });

    it('joins lists with join', () => {
      assert.equal(render('{{join data.a}} / {{join data.a " et "}}', { data: { a: ['un', 'deux'] } }), 'un, deux / un et deux');
    });

    it('names the template a convention comes from: the definition\'s own, or the generic one', () => {
      const own = { id: 'own', convention: { file: 'definitions/own/convention.hbs', source: 'A' }, schema, meta, steps: [], uiSchema: {} };
      assert.deepEqual(renderer.templateOf(own), { file: 'definitions/own/convention.hbs', source: 'A' });
      const generic = renderer.templateOf({ ...own, convention: undefined });
      assert.equal(generic.file, 'templates/generic/convention.hbs');
      assert.match(generic.source, /\{\{#> convention_layout\}\}/);
    });

    it('compiles a definition\'s template once, and again only when its source changes', () => {
      const definition = { id: 'compiled-once', convention: { file: 'convention.hbs', source: 'A{{data.x}}' }, schema, meta, steps: [], uiSchema: {} };
      assert.equal(renderer.render(definition, { data: { x: 1 } }), 'A1');
      assert.equal(renderer.render(definition, { data: { x: 2 } }), 'A2');
      assert.equal(renderer.render({ ...definition, convention: { file: 'convention.hbs', source: 'B{{data.x}}' } }, { data: { x: 3 } }), 'B3');
    });
  });

  describe('datapass check of escaping', () => {
    it('reports {{{…}}} and {{&…}} at their line', () => {
      const issues = checkConvention('convention.hbs', '<p>{{data.modalities.niveau}}</p>\n<p>{{{data.modalities.niveau}}}</p>\n{{& data.modalities.niveau}}', schema, new Set());
      assert.deepEqual(issues.map((i) => [i.code, i.line, i.column]), [['CONVENTION_UNESCAPED', 2, 4], ['CONVENTION_UNESCAPED', 3, 1]]);
    });
  });

  describe('datapass check of option_labels', () => {
    it('reports a field path that is not in the schema, at its line', () => {
      const issues = checkConvention('convention.hbs', '<p>\n{{option_labels "modalities.modalites" data.modalities.modalities}}</p>', schema, new Set());
      assert.deepEqual(issues.map((i) => [i.code, i.pointer, i.line]), [['CONVENTION_UNKNOWN_VARIABLE', '/modalities/modalites', 2]]);
    });
  });
});

