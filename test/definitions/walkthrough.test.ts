import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { newCommand } from '../../engine/cli/newCommand.js';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import { runExample } from '../../engine/load/loadExamples.js';
import { createConventionRenderer } from '../../engine/convention/conventionRenderer.js';
import { checkConventionRenders } from '../../engine/check/checkConventionRenders.js';
import { buildConventionContext } from '../../engine/convention/buildConventionContext.js';
import { generateTypes } from '../../engine/types/generateTypes.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

/** Every file under `dir` with the hash of its content, by path relative to `dir`. */
function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (path === skip) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

// The README's walkthrough, step by step, in a copy of definitions/: a fifth API needs one folder and nothing else.
describe('adding a definition (the README walkthrough)', () => {
  let base: string;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'datapass-walkthrough-'));
    cpSync(DEFINITIONS, join(base, 'definitions'), { recursive: true });
    cpSync(TEMPLATES, join(base, 'templates'), { recursive: true });
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('takes one folder: scaffolded, edited, checked, rendered and typed, with no file changed outside it', async function () {
    this.timeout(60_000);
    const root = join(base, 'definitions');
    const folder = join(root, 'api-statut-etudiant');
    const before = snapshot(base, folder);

    // 1. Scaffold.
    const out = process.stdout.write;
    process.stdout.write = () => true;
    let code: number;
    try {
      code = newCommand(['api-statut-etudiant', '--name', 'API Statut étudiant', '--provider', 'mesri', '--dir', root]);
    } finally {
      process.stdout.write = out;
    }
    assert.equal(code, 0);

    // 2–6. Describe it, write the form, keep the standard lifecycle, write the convention, give examples.
    writeFileSync(join(folder, 'definition.yaml'), `name: API Statut étudiant
provider: mesri
provider_name: Ministère de l'Enseignement supérieur et de la Recherche
description: Le statut d'étudiant et de boursier d'un usager, pour les tarifs sociaux.
support_email: support@statut-etudiant.gouv.fr
links:
  cgu: https://statut-etudiant.gouv.fr/cgu
scopes:
  - group: Statut étudiant boursier
    items:
      - { value: cnous_statut_boursier, label: Statut boursier }
      - { value: cnous_echelon_bourse, label: Échelon de la bourse }
      - { value: cnous_identite, label: Identité de l'étudiant, included: true }
use_cases:
  - id: libre
    title: Demande libre
`);
    writeFileSync(join(folder, 'schema.json'), JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        basic_infos: { $ref: '../_shared/basic_infos.json#/definitions/basic_infos' },
        legal: { $ref: '../_shared/legal.json#/definitions/legal' },
        scopes: { type: 'array', title: 'Données demandées', items: { type: 'string' } },
        personal_data: { $ref: '../_shared/personal_data.json#/definitions/personal_data' },
        contacts: {
          type: 'object',
          title: 'Contacts',
          properties: {
            delegue_protection_donnees: { $ref: '../_shared/contact.json#/definitions/delegue_protection_donnees' },
            contact_technique: { $ref: '../_shared/contact.json#/definitions/contact_technique' },
          },
          required: ['delegue_protection_donnees', 'contact_technique'],
        },
      },
      required: ['basic_infos', 'legal', 'scopes', 'personal_data', 'contacts'],
    }, null, 2));
    writeFileSync(join(folder, 'ui.json'), '{ "scopes": { "ui:widget": "checkboxes" } }');
    writeFileSync(join(folder, 'convention.hbs'), `{{#> convention_layout}}
{{> purpose data.basic_infos}}
{{> legal_basis data.legal}}
{{> granted_scopes}}
{{> personal_data data.personal_data}}
<section class="article"><h2>Contacts</h2><ul>
{{> contact title="Délégué à la protection des données" contact=data.contacts.delegue_protection_donnees}}
{{> contact title="Contact technique" contact=data.contacts.contact_technique}}
</ul></section>
{{> security}}
{{/convention_layout}}
`);
    rmSync(join(folder, 'examples'), { recursive: true });
    const contact = { type: 'organization', email: 'dpo@crous-exemple.fr', phone_number: '01 23 45 67 89' };
    const valid = {
      basic_infos: { intitule: 'Tarif social du restaurant universitaire', description: 'Appliquer le tarif boursier sans demander de justificatif.' },
      legal: { cadre_juridique_nature: "Article L. 822-1 du code de l'éducation", cadre_juridique_url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000027737172' },
      scopes: ['cnous_statut_boursier'],
      personal_data: { destinataire_donnees_caractere_personnel: 'Les agents du service de restauration.', duree_conservation_donnees_caractere_personnel: 12 },
      contacts: { delegue_protection_donnees: contact, contact_technique: contact },
      terms: { cgu: true, dpo_informed: true },
    };
    mkdirSync(join(folder, 'examples'), { recursive: true });
    writeFileSync(join(folder, 'examples', 'valid-libre.json'), JSON.stringify({ description: 'A complete request.', use_case: 'libre', data: valid }, null, 2));
    writeFileSync(join(folder, 'examples', 'invalid-retention.json'), JSON.stringify({
      description: 'Retention over 36 months without a justification.',
      use_case: 'libre',
      data: { ...valid, personal_data: { ...valid.personal_data, duree_conservation_donnees_caractere_personnel: 48 } },
      issues: [{ code: 'FIELD_REQUIRED', pointer: '/personal_data/duree_conservation_donnees_caractere_personnel_justification' }],
    }, null, 2));

    // 7. Check: the whole root, the new folder among the real ones.
    const registry = loadRegistry(root, { templatesDir: join(base, 'templates') });
    assert.deepEqual(registry.results.flatMap((r) => r.issues.map((i) => `${r.id}: ${i.code} ${i.message}`)), []);
    const definition = registry.definitions.get('api-statut-etudiant')!;
    assert.ok(definition, 'the new definition is in the registry');
    assert.ok(registry.definitions.size >= 7, 'and every real definition still loads');
    for (const example of definition.examples) {
      assert.deepEqual(runExample(example, definition.validator).map((i) => i.code + ' ' + i.pointer), example.issues.map((i) => i.code + ' ' + i.pointer));
    }
    // The included scope is granted without being ticked, and the convention lists it.
    const data = definition.validator.normalize(valid, { useCaseId: 'libre' });
    assert.deepEqual(data.scopes, ['cnous_statut_boursier', 'cnous_identite']);
    const context = buildConventionContext({
      definition, data, useCaseId: 'libre', organization: { name: 'CROUS Exemple', siret: '13000548100010' }, request: { id: 9, publicId: 'D9', createdAt: '2026-11-20' }, generatedAt: '2026-11-24',
    });
    const renderer = createConventionRenderer(join(base, 'templates'));
    assert.deepEqual(checkConventionRenders(definition, renderer), [], 'datapass check renders the convention with every valid example');
    const html = renderer.render(definition, context);
    for (const text of ['API Statut étudiant', 'CROUS Exemple', 'Statut boursier', 'Identité de l&#x27;étudiant', '12 mois']) assert.ok(html.includes(text), text);
    assert.match(await generateTypes(definition), /export interface ApiStatutEtudiantData/);

    // Nothing outside the new folder changed.
    assert.deepEqual(snapshot(base, folder), before);
  });
});
