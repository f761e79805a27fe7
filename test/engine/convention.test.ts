import assert from 'node:assert/strict';
import { checkConvention } from '../../engine/check/checkConvention.js';
import { createConventionRenderer } from '../../engine/convention/conventionRenderer.js';
import { grantedScopes } from '../../engine/convention/grantedScopes.js';
import { CONVENTION_HELPERS } from '../../engine/convention/helpers.js';
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
    const render = (source: string, context: Record<string, unknown>) => renderer.render({ id: `t-${Math.random()}`, convention: { file: 'convention.hbs', source }, schema }, { data: {}, ...context });

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

    it('refuses to read prototype properties', () => {
      assert.equal(render('[{{data.constructor.name}}]', { data: {} }), '[]');
    });

    it('uses the shared partials: the contact block names a person or the organisation\'s mailbox', () => {
      const html = render('<ul>{{> contact title="Contact technique" contact=data.a}}{{> contact title="DPO" contact=data.b}}{{> contact title="Absent" contact=data.c}}</ul>', {
        data: { a: { given_name: 'Camille', family_name: 'Martin', job_title: 'DSI', email: 'c@m.fr', phone_number: '0102030405' }, b: { type: 'organization', email: 'dpo@m.fr', phone_number: '0102030406' } },
      });
      assert.match(html, /<strong>Contact technique<\/strong> : Camille Martin, DSI — c@m\.fr, 0102030405/);
      assert.match(html, /<strong>DPO<\/strong> : adresse générique de l'organisation — dpo@m\.fr/);
      assert.doesNotMatch(html, /Absent/);
    });

    it('says which definition has no convention', () => {
      assert.throws(() => renderer.render({ id: 'api-sans', schema }, { data: {} }), /api-sans has no convention\.hbs/);
    });
  });

  describe('datapass check of option_labels', () => {
    it('reports a field path that is not in the schema, at its line', () => {
      const issues = checkConvention('convention.hbs', '<p>\n{{option_labels "modalities.modalites" data.modalities.modalities}}</p>', schema, new Set());
      assert.deepEqual(issues.map((i) => [i.code, i.pointer, i.line]), [['CONVENTION_UNKNOWN_VARIABLE', '/modalities/modalites', 2]]);
    });
  });
});

