import assert from 'node:assert/strict';
import Handlebars from 'handlebars';
import { exampleConventionContext } from '../../engine/convention/buildConventionContext.js';
import { createConventionRenderer } from '../../engine/convention/conventionRenderer.js';
import { describeFields } from '../../engine/convention/describeValue.js';
import { genericSections } from '../../engine/convention/genericSections.js';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import type { Definition } from '../../engine/model/Definition.js';
import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

/** The text of an HTML fragment, tags removed and entities decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

describe('the generic convention (a definition without convention.hbs)', () => {
  let ficoba: Definition;
  const renderer = createConventionRenderer(TEMPLATES);
  before(function () {
    this.timeout(60_000);
    ficoba = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES }).definitions.get('api-ficoba')!;
    assert.ok(ficoba, 'api-ficoba loads');
  });
  const generic = (definition: Definition) => ({ ...definition, convention: undefined });

  it('prints a multi-line value as typed: a partial called on an indented line does not indent the lines of its values', () => {
    const context = exampleConventionContext(ficoba, 'valid-production', { generatedAt: '2026-11-23T10:00:00Z' });
    const legal = (context.data as { legal: Record<string, unknown> }).legal;
    legal.cadre_juridique_nature = 'Article L. 262-40 du CASF\nDélibération du 12 mars 2026\nArrêté du 3 avril 2026';
    for (const definition of [generic(ficoba), ficoba]) {
      const html = renderer.render(definition, context);
      assert.ok(html.includes('Article L. 262-40 du CASF\nDélibération du 12 mars 2026\nArrêté du 3 avril 2026'), html.slice(html.indexOf('CASF') - 100, html.indexOf('CASF') + 200));
    }
  });

  it('shows every step in step order, each field with its title and its formatted value', () => {
    const context = exampleConventionContext(ficoba, 'valid-production', { generatedAt: '2026-11-23T10:00:00Z' });
    const html = text(renderer.render(generic(ficoba), context));
    const inOrder = [
      ficoba.meta.provider_name!, // header: the provider and the organisation
      'Commune de Exemple-sur-Loire · SIRET 21450999900006',
      'API FICOBA',
      'SIRET 21450999900006, 1 place de la Mairie, 45000 Exemple-sur-Loire', // parties
      'Objet',
      'Contrôle des ressources du RSA',
      'Mise en production prévue le 1er mars 2027', // a French date
      'Cadre juridique',
      "Article L. 262-40 du code de l'action sociale et des familles",
      "Modalités d'accès aux données",
      "Modalités d'appel : Par le numéro fiscal (SPI) Par l'état civil d'une personne physique", // option titles, as a list
      'Données transmises',
      'Informations du compte', // a scope group, then its labels
      'État civil ou raison sociale du titulaire du compte',
      'Destinataires des données : Les agents instructeurs',
      'Durée de conservation : 48 mois',
      'Contacts',
      'Responsable de traitement : Sophie Durand, Directrice générale des services — sophie.durand@departement-exemple.fr', // a contact block
      "Délégué à la protection des données : adresse générique de l'organisation — dpo@departement-exemple.fr",
      'Recette fonctionnelle',
      ': Oui', // a boolean
      'Homologation de sécurité',
      'decision-homologation-2026.pdf', // a document, by file name
      "Date de début de l'homologation : 1er septembre 2026",
      'Volumétrie',
      'Limitation de débit souhaitée : 500 appels par minute',
      'Pic de dépôts des dossiers en septembre',
      'Sécurité',
      'Signatures',
      'Convention établie le 23 novembre 2026 pour la demande D1234 et l\'habilitation H5678',
    ];
    let from = 0;
    for (const expected of inOrder) {
      const at = html.indexOf(expected, from);
      assert.ok(at >= 0, `"${expected}" after position ${from} in: ${html.slice(from, from + 300)}…`);
      from = at + expected.length;
    }
    assert.doesNotMatch(html, /with_ficoba_spi|dgfip_ficoba_compte|true|undefined|\[object/);
  });

  it('escapes the applicant\'s values', () => {
    const context = exampleConventionContext(ficoba, 'valid-production');
    const data = structuredClone(context.data) as { volumetrie: { volumetrie_justification: string } };
    data.volumetrie.volumetrie_justification = '<script>alert(1)</script>';
    const html = renderer.render(generic(ficoba), { ...context, data });
    assert.ok(html.includes(Handlebars.escapeExpression('<script>alert(1)</script>')));
    assert.ok(!html.includes('<script>'));
  });

  it('builds its sections from the steps: shared partials where the step has their fields, else the fields', () => {
    const context = exampleConventionContext(ficoba, 'valid-production');
    const sections = genericSections(ficoba, context.data);
    assert.deepEqual(
      sections.map((s) => [s.kind, s.title]),
      ficoba.steps.map((s) => [({ basic_infos: 'purpose', legal: 'legal_basis', scopes: 'granted_scopes', personal_data: 'personal_data' } as Record<string, string>)[s.id] ?? 'fields', s.title]),
    );
    // What the partial does not show follows it: none here, as the project step has no mock-up.
    assert.deepEqual(sections[0]!.fields, []);
  });

  it('follows ui:order, with "*" for the other fields, and leaves out what is absent or empty', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        step: {
          type: 'object',
          title: 'Étape',
          properties: { a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' }, c: { type: 'string', title: 'C' }, d: { type: 'array', title: 'D', items: { type: 'string' } }, e: { type: 'string' } },
        },
      },
    };
    const uiSchema = { step: { 'ui:order': ['c', '*', 'a'] } };
    const fields = describeFields({ schema, uiSchema }, ['step'], { a: 'x', b: 'y', c: 'z', d: [], e: 'sans titre', f: 'hors schéma' });
    assert.deepEqual(
      fields.map((f) => [f.title, f.value]),
      [
        ['C', { kind: 'text', text: 'z' }],
        ['B', { kind: 'text', text: 'y' }],
        ['e', { kind: 'text', text: 'sans titre' }],
        ['A', { kind: 'text', text: 'x' }],
      ],
    );
  });
});
