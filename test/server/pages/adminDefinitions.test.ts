import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry, type Definition, type Registry } from '../../../engine/index.js';
import { DEFINITIONS, TEMPLATES } from '../../helpers/paths.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, textOf } from './htmlClient.js';

/** A step's section of the form preview: from its heading to the next step's (or the workflow, for the last). */
const sectionOf = (html: string, labelledBy: string) => {
  const start = html.indexOf(`aria-labelledby="${labelledBy}"`);
  assert.ok(start >= 0, `no section ${labelledBy}`);
  const next = html.indexOf('aria-labelledby="etape-', start + 1);
  return html.slice(start, next < 0 ? html.indexOf('aria-labelledby="cycle-de-vie"') : next);
};
const svgOf = (html: string) => {
  const start = html.indexOf('<svg');
  assert.ok(start >= 0, 'no diagram');
  return html.slice(start, html.indexOf('</svg>', start) + 6);
};

/** The admin page of `definition` shows each step's inputs, the workflow as an SVG with every state, and every example. */
function assertShowsDefinition(html: string, definition: Definition): void {
  const text = textOf(html);
  assert.ok(text.includes(definition.meta.name));
  assert.ok(text.includes('Aucune anomalie'));
  for (const [i, step] of definition.steps.entries()) {
    const section = sectionOf(html, `etape-${step.id}`);
    assert.ok(textOf(section).includes(`Étape ${i + 1} sur ${definition.steps.length} : ${step.title}`), step.id);
    assert.match(section, /<(input|textarea|select)\b/, `the inputs of step ${step.id}`);
    assert.match(section, new RegExp(`id="root_${step.id}_`), `rjsf's ids of step ${step.id}`);
  }
  const svg = svgOf(html);
  assert.match(svg, /role="img"/);
  assert.match(svg, /<title id="[^"]+">/);
  assert.match(svg, /<desc id="[^"]+">/);
  for (const state of Object.values(definition.workflow.states)) assert.ok(textOf(svg).includes(state.label), state.label);
  for (const event of ['submit', 'approve', 'request_changes']) assert.ok(textOf(svg).includes(definition.workflow.events[event]!.label), event);
  const table = html.slice(html.indexOf('</svg>'), html.indexOf('aria-labelledby="exemples"'));
  assert.ok(textOf(table).includes('Transitions') && textOf(table).includes('request_changes'), 'the transitions as a table too');
  const examples = textOf(html.slice(html.indexOf('aria-labelledby="exemples"')));
  for (const example of definition.examples) {
    assert.ok(examples.includes(example.name), example.name);
    if (example.description) assert.ok(examples.includes(example.description), example.description);
    for (const issue of example.issues) assert.ok(examples.includes(issue.code) && examples.includes(issue.pointer), `${example.name} ${issue.code}`);
  }
}

describe('the administration: definitions (SQLite)', function () {
  this.timeout(60_000);

  describe('the real definitions', () => {
    let t: TestApp;
    let admin: ApiClient;
    before(async () => {
      t = await startTestApp();
      admin = await t.client('admin');
    });
    after(async () => t?.close());

    it('lists every definition folder, loaded, with its name, provider, kind and counts', async () => {
      const page = await getPage(t.baseUrl, '/admin/definitions', admin);
      assert.equal(page.status, 200);
      const rows = page.html.split('<tr').slice(2).map(textOf);
      assert.equal(rows.length, testRegistry().results.length);
      for (const d of testRegistry().definitions.values()) {
        const row = rows.find((r) => r.includes(` ${d.id} `)) ?? '';
        const scopes = d.meta.scopes.reduce((n, g) => n + g.items.length, 0);
        assert.match(row, new RegExp(`${d.id} Chargée ${d.meta.name.replace(/[()]/g, '\\$&')} ${d.meta.provider} (API|Service)[^0-9]* ${d.meta.use_cases.length} ${scopes} ${d.examples.length}`), row);
      }
    });

    it('shows api-particulier: no issue, its form step by step, its workflow drawn, its examples', async () => {
      const page = await getPage(t.baseUrl, '/admin/definitions/api-particulier', admin);
      assert.equal(page.status, 200);
      assertShowsDefinition(page.html, testRegistry().definitions.get('api-particulier')!);
      assert.match(page.html, /readonly=""|disabled=""/, 'read-only');
    });

    it('shows every real definition the same way, a production stage’s carried-over steps marked', async () => {
      for (const definition of testRegistry().definitions.values()) {
        const page = await getPage(t.baseUrl, `/admin/definitions/${definition.id}`, admin);
        assert.equal(page.status, 200, definition.id);
        assertShowsDefinition(page.html, definition);
      }
      const ficoba = textOf((await getPage(t.baseUrl, '/admin/definitions/api-ficoba', admin)).html);
      assert.ok(ficoba.includes('Production, après api-ficoba-sandbox') && ficoba.includes('reprise du bac à sable'));
    });

    it('applies a use case: its prefill, its locked fields and its steps', async () => {
      const page = await getPage(t.baseUrl, '/admin/definitions/api-particulier?cas=tarification-municipale-enfance', admin);
      assert.equal(page.status, 200);
      assert.match(page.html, /<option value="tarification-municipale-enfance" selected="">/);
      assert.ok(page.html.includes('value="Tarification sociale des services municipaux à l&#x27;enfance"'), 'prefilled');
      assert.ok(!page.html.includes('aria-labelledby="etape-modalities"'), 'the step this use case hides');
      assert.ok(textOf(page.html).includes('Étapes masquées, remplies par le préremplissage : Modalités'));
      assert.ok(textOf(sectionOf(page.html, 'etape-legal')).includes("Prérempli pour ce cas d'usage, non modifiable"), 'locked');
      assert.ok(!textOf(sectionOf(page.html, 'etape-basic_infos')).includes("Prérempli pour ce cas d'usage, non modifiable"), 'prefilled but not locked');
      assert.ok(textOf(page.html).includes('Étape 1 sur 5'));
      const unknown = await getPage(t.baseUrl, '/admin/definitions/api-particulier?cas=inconnu', admin);
      assert.equal(unknown.status, 200);
      assert.ok(unknown.html.includes('aria-labelledby="etape-modalities"'), 'an unknown use case is no use case');
    });

    it('answers 404 for a folder that does not exist', async () => {
      assert.equal((await getPage(t.baseUrl, '/admin/definitions/api-inconnue', admin)).status, 404);
    });
  });

  describe('a definition added with no code, and a broken one', () => {
    let base: string;
    let registry: Registry;
    let t: TestApp;
    let admin: ApiClient;
    before(async () => {
      base = mkdtempSync(join(tmpdir(), 'datapass-admin-'));
      const root = join(base, 'definitions');
      cpSync(DEFINITIONS, root, { recursive: true });
      // A new API: a copy of the worked example under a new id and name; nothing else changes.
      cpSync(join(root, 'api-exemple'), join(root, 'api-nouvelle'), { recursive: true });
      const yaml = join(root, 'api-nouvelle', 'definition.yaml');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^name: API Exemple$/m, 'name: API Nouvelle'));
      // A broken one: a copy whose workflow targets a state that does not exist.
      cpSync(join(root, 'api-exemple'), join(root, 'api-cassee'), { recursive: true });
      writeFileSync(join(root, 'api-cassee', 'workflow.yaml'), 'extends: standard\nstates:\n  submitted:\n    on:\n      approve: { target: valided }\n');
      registry = loadRegistry(root, { templatesDir: TEMPLATES, deep: true });
      t = await startTestApp({ kind: 'sqlite' }, registry);
      admin = await t.client('admin');
    });
    after(async () => {
      await t?.close();
      rmSync(base, { recursive: true, force: true });
    });

    it('loads the new folder with every check, and not the broken one', () => {
      assert.deepEqual(registry.results.find((r) => r.id === 'api-nouvelle')!.issues, []);
      assert.equal(registry.definitions.get('api-nouvelle')!.meta.name, 'API Nouvelle');
      assert.ok(!registry.definitions.has('api-cassee'));
    });

    it('shows the new definition’s form, workflow diagram and examples', async () => {
      const page = await getPage(t.baseUrl, '/admin/definitions/api-nouvelle', admin);
      assert.equal(page.status, 200);
      assertShowsDefinition(page.html, registry.definitions.get('api-nouvelle')!);
    });

    it('lists the broken folder as not loaded, with its issue count', async () => {
      const rows = (await getPage(t.baseUrl, '/admin/definitions', admin)).html.split('<tr').map(textOf);
      assert.match(rows.find((r) => r.includes(' api-cassee ')) ?? '', /api-cassee Non chargée : 1 anomalie/);
      assert.match(rows.find((r) => r.includes(' api-nouvelle ')) ?? '', /api-nouvelle Chargée API Nouvelle exemple API/);
      assert.ok(textOf((await getPage(t.baseUrl, '/admin', admin)).html).includes(`${registry.definitions.size} chargées, 1 en erreur`));
    });

    it('shows the broken folder’s issues with their file, line and column, and nothing else', async () => {
      const issue = registry.results.find((r) => r.id === 'api-cassee')!.issues[0]!;
      assert.equal(issue.code, 'WORKFLOW_UNKNOWN_TARGET');
      assert.equal(issue.line, 5);
      const page = await getPage(t.baseUrl, '/admin/definitions/api-cassee', admin);
      assert.equal(page.status, 200);
      const text = textOf(page.html);
      assert.ok(text.includes('Non chargée'));
      assert.ok(text.includes('1 anomalie'));
      assert.ok(text.includes('WORKFLOW_UNKNOWN_TARGET'));
      assert.ok(text.includes('Unknown target state "valided"'));
      assert.ok(text.includes(`${issue.file}`) && issue.file!.endsWith('api-cassee/workflow.yaml'), issue.file);
      assert.ok(text.includes(` ${issue.line}:${issue.column} `), `${issue.line}:${issue.column}`);
      assert.ok(text.includes(issue.pointer));
      assert.ok(!page.html.includes('<svg') && !page.html.includes('aria-labelledby="formulaire"') && !page.html.includes('aria-labelledby="exemples"'));
    });
  });
});
