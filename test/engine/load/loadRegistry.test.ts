import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { definitionFolders, loadRegistry, type Registry } from '../../../engine/load/loadRegistry.js';
import { loadDefinition } from '../../../engine/load/loadDefinition.js';
import { DEFINITIONS, ROOT, TEMPLATES } from '../../helpers/paths.js';

const BROKEN = join(ROOT, 'test', 'fixtures', 'broken-definitions');
const MINIMAL = join(BROKEN, '_bases', 'minimal');

/** A definitions root of its own: the real _shared and _workflows, and the folders given. */
function makeRoot(folders: Record<string, string | ((dir: string) => void)>): string {
  const root = mkdtempSync(join(tmpdir(), 'datapass-registry-'));
  cpSync(join(DEFINITIONS, '_shared'), join(root, '_shared'), { recursive: true });
  cpSync(join(DEFINITIONS, '_workflows'), join(root, '_workflows'), { recursive: true });
  for (const [name, from] of Object.entries(folders)) {
    const dir = join(root, name);
    if (typeof from === 'string') cpSync(from, dir, { recursive: true, filter: (src) => !src.endsWith('expected.yaml') });
    else {
      cpSync(MINIMAL, dir, { recursive: true });
      from(dir);
    }
  }
  return root;
}

/** The minimal definition with a `stage:` block added to its definition.yaml. */
const withStage = (stage: string) => (dir: string) => {
  const path = join(dir, 'definition.yaml');
  writeFileSync(path, readFileSync(path, 'utf8') + stage);
};

const SCOPED = join(BROKEN, '_bases', 'scoped');

/**
 * A production stage built on `previous`: its definition.yaml names the sandbox, its schema only adds the
 * functional acceptance step; its valid example carries the sandbox's data.
 */
const production = (previous: string, sandboxData: string, extraSchema: Record<string, unknown> = {}) => (dir: string) => {
  rmSync(join(dir, 'examples'), { recursive: true });
  mkdirSync(join(dir, 'examples'));
  writeFileSync(join(dir, 'definition.yaml'), `name: API Production\nprovider: exemple\ndescription: La production.\nsupport_email: support@exemple.gouv.fr\nlinks:\n  cgu: https://exemple.gouv.fr/cgu-production\nstage:\n  kind: production\n  previous: ${previous}\n`);
  writeFileSync(join(dir, 'schema.json'), JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { operational_acceptance: { $ref: '../_shared/production.json#/definitions/operational_acceptance' }, ...extraSchema },
    required: ['operational_acceptance'],
  }));
  writeFileSync(join(dir, 'ui.json'), '{ "operational_acceptance": { "operational_acceptance_done": { "ui:widget": "checkbox" } } }');
  writeFileSync(join(dir, 'examples', 'valid.yaml'), `description: The sandbox's data and the acceptance.\ndata:\n${sandboxData}  operational_acceptance: { operational_acceptance_done: true }\n  terms: { cgu: true }\n`);
};
const SANDBOX_DATA = '  basic_infos: { intitule: Projet minimal, description: Une description assez longue du projet. }\n  contacts: { email_technique: tech@exemple.gouv.fr }\n';

const byId = (registry: Registry, id: string) => registry.results.find((r) => r.id === id)!;

describe('loadRegistry', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const root = (folders: Parameters<typeof makeRoot>[0]) => {
    const r = makeRoot(folders);
    roots.push(r);
    return r;
  };

  describe('a root with one good and one broken folder', () => {
    let dir: string;
    let registry: Registry;
    before(() => {
      // "a-broken" sorts first: a broken folder loaded before a good one must not stop it.
      dir = root({ 'a-broken': join(BROKEN, 'workflow-target-typo'), good: MINIMAL, 'z-broken': join(BROKEN, 'json-syntax-schema') });
      registry = loadRegistry(dir, { templatesDir: TEMPLATES });
    });

    it('loads the good folder', () => {
      const good = byId(registry, 'good');
      assert.deepEqual(good.issues, []);
      assert.ok(good.definition);
      assert.equal(registry.definitions.get('good'), good.definition);
      assert.equal(good.definition.meta.name, 'API Minimale');
    });

    it('reports the broken folders, each with its own issues, and leaves them out of the definitions', () => {
      const first = byId(registry, 'a-broken');
      assert.deepEqual(first.issues.map((i) => [i.code, i.pointer, i.line]), [['WORKFLOW_UNKNOWN_TARGET', '/states/submitted/on/approve/target', 5]]);
      assert.equal(first.definition, undefined);
      const last = byId(registry, 'z-broken');
      assert.deepEqual(last.issues.map((i) => [i.code, i.line]), [['JSON_SYNTAX', 14]]);
      assert.ok(last.issues[0]!.file!.endsWith('z-broken/schema.json'));
      assert.deepEqual([...registry.definitions.keys()], ['good']);
    });

    it('gives the good folder the same definition as loading it alone', () => {
      const alone = loadDefinition(join(dir, 'good'), { definitionsRoot: dir });
      assert.deepEqual(alone.issues, []);
      assert.deepEqual(byId(registry, 'good').definition!.schema, alone.definition!.schema);
      assert.deepEqual(byId(registry, 'good').definition!.steps, alone.definition!.steps);
    });
  });

  describe('folders that are not definitions', () => {
    it('skips folders starting with _ or ., and plain files', () => {
      const dir = root({ good: MINIMAL, _drafts: MINIMAL, '.hidden': MINIMAL });
      writeFileSync(join(dir, 'notes.md'), '# not a definition\n');
      assert.deepEqual(definitionFolders(dir), ['good']);
      const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
      assert.deepEqual(registry.results.map((r) => r.id), ['good']);
      assert.deepEqual([...registry.definitions.keys()], ['good']);
    });

    it('loads the real definitions root, whose _shared and _workflows are not definitions', () => {
      const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES });
      assert.ok(registry.results.length >= 1);
      for (const r of registry.results) assert.ok(!r.id.startsWith('_'), r.id);
      assert.ok(registry.definitions.has('api-exemple'));
    });
  });

  describe('stages', () => {
    it('reports STAGE_UNKNOWN at definition.yaml, with its line, when the next stage does not exist', () => {
      const dir = root({ 'api-bac-a-sable': withStage('stage:\n  kind: sandbox\n  next: api-production\n') });
      const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
      const sandbox = byId(registry, 'api-bac-a-sable');
      assert.equal(sandbox.definition, undefined);
      assert.deepEqual(
        sandbox.issues.map((i) => ({ code: i.code, file: relative(join(dir, 'api-bac-a-sable'), resolve(i.file!)), pointer: i.pointer, line: i.line })),
        // definition.yaml of the minimal base has 5 lines; `next:` is the 8th.
        [{ code: 'STAGE_UNKNOWN', file: 'definition.yaml', pointer: '/stage/next', line: 8 }],
      );
      assert.match(sandbox.issues[0]!.message, /api-production/);
      assert.match(sandbox.issues[0]!.message, /definition\.yaml:8:/);
      assert.equal(registry.definitions.size, 0);
    });

    it('loads two stages that name each other; the production stage carries the sandbox\'s steps, then its own', () => {
      const dir = root({
        'api-bac-a-sable': withStage('stage:\n  kind: sandbox\n  next: api-prod\n'),
        'api-prod': production('api-bac-a-sable', SANDBOX_DATA),
      });
      const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
      assert.deepEqual(registry.results.flatMap((r) => r.issues.map((i) => i.message)), []);
      assert.deepEqual([...registry.definitions.keys()].sort(), ['api-bac-a-sable', 'api-prod']);
      const prod = registry.definitions.get('api-prod')!;
      assert.deepEqual(prod.steps.map((s) => [s.id, s.inherited ?? false]), [['basic_infos', true], ['contacts', true], ['operational_acceptance', false]]);
      // One form: the sandbox's rules still apply, and the production's own, and its own terms.
      const issues = prod.validator.validate({ operational_acceptance: { operational_acceptance_done: false } }, { context: 'submit' }).issues;
      assert.deepEqual(issues.map((i) => `${i.code} ${i.pointer}`).sort(), ['FIELD_INVALID /operational_acceptance/operational_acceptance_done', 'FIELD_REQUIRED /basic_infos', 'FIELD_REQUIRED /contacts', 'TERMS_NOT_ACCEPTED /terms/cgu']);
      // The sandbox's ui.json comes along, under the production's own.
      assert.deepEqual(Object.keys(prod.uiSchema).sort(), ['basic_infos', 'operational_acceptance']);
    });

    it('gives a production stage without scopes of its own the sandbox\'s scopes, with their step', () => {
      const dir = root({
        'api-bac-a-sable': (d: string) => {
          cpSync(SCOPED, d, { recursive: true });
          writeFileSync(join(d, 'definition.yaml'), readFileSync(join(d, 'definition.yaml'), 'utf8') + 'stage:\n  kind: sandbox\n  next: api-prod\n');
        },
        'api-prod': production('api-bac-a-sable', SANDBOX_DATA.replace('  contacts', '  scopes: [quotient_familial]\n  contacts')),
      });
      const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
      assert.deepEqual(registry.results.flatMap((r) => r.issues.map((i) => i.message)), []);
      const prod = registry.definitions.get('api-prod')!;
      assert.deepEqual(prod.meta.scopes.flatMap((g) => g.items.map((i) => i.value)), ['quotient_familial', 'allocataires']);
      const data = { ...prod.examples[0]!.data, scopes: ['inconnu'] };
      assert.deepEqual(prod.validator.validate(data, { context: 'submit' }).issues.map((i) => `${i.code} ${i.pointer}`), ['FIELD_INVALID /scopes/0']);
    });

    it('reports a production step that the sandbox already declares (STAGE_CLASH), at the production\'s schema.json', () => {
      const dir = root({
        'api-bac-a-sable': withStage('stage:\n  kind: sandbox\n  next: api-prod\n'),
        'api-prod': production('api-bac-a-sable', SANDBOX_DATA, { contacts: { type: 'object', title: 'Contacts', properties: {} } }),
      });
      const prod = byId(loadRegistry(dir, { templatesDir: TEMPLATES }), 'api-prod');
      assert.deepEqual(prod.issues.map((i) => [i.code, i.pointer, relative(dir, resolve(i.file!))]), [['STAGE_CLASH', '/properties/contacts', join('api-prod', 'schema.json')]]);
      assert.match(prod.issues[0]!.message, /already a step of the previous stage "api-bac-a-sable"/);
    });

    it('reports a production stage built on a broken sandbox (STAGE_PREVIOUS_INVALID), and never loops on two productions naming each other', () => {
      const dir = root({
        'api-bac-a-sable': (d: string) => {
          withStage('stage:\n  kind: sandbox\n  next: api-prod\n')(d);
          writeFileSync(join(d, 'ui.json'), '{ "basic_infos": { "descripton": {} } }');
        },
        'api-prod': production('api-bac-a-sable', SANDBOX_DATA),
        'api-a': production('api-b', SANDBOX_DATA),
        'api-b': production('api-a', SANDBOX_DATA),
      });
      const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
      assert.deepEqual(byId(registry, 'api-prod').issues.map((i) => [i.code, i.pointer, i.line]), [['STAGE_PREVIOUS_INVALID', '/stage/previous', 9]]);
      assert.match(byId(registry, 'api-prod').issues[0]!.message, /"api-bac-a-sable" has 1 issue/);
      for (const id of ['api-a', 'api-b']) {
        assert.deepEqual(byId(registry, id).issues.map((i) => i.code), ['STAGE_UNKNOWN'], id);
        assert.match(byId(registry, id).issues[0]!.message, /which is not a sandbox stage/);
      }
      assert.deepEqual([...registry.definitions.keys()], []);
    });

    it('reports a production stage that the sandbox it names does not name back', () => {
      const dir = root({
        'api-bac-a-sable': withStage('stage:\n  kind: sandbox\n  next: api-autre\n'),
        'api-autre': MINIMAL,
        'api-prod': production('api-bac-a-sable', SANDBOX_DATA),
      });
      const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
      const prod = byId(registry, 'api-prod');
      assert.deepEqual(prod.issues.map((i) => [i.code, i.pointer, i.line]), [['STAGE_UNKNOWN', '/stage/previous', 9]]);
      assert.match(prod.issues[0]!.message, /does not name "api-prod" back/);
      // The sandbox names a definition without a stage: it does not link back either.
      assert.deepEqual(byId(registry, 'api-bac-a-sable').issues.map((i) => [i.code, i.pointer]), [['STAGE_UNKNOWN', '/stage/next']]);
      assert.deepEqual([...registry.definitions.keys()], ['api-autre']);
    });
  });

  it('reports a definitions root without _workflows at each workflow.yaml, without stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datapass-registry-'));
    roots.push(dir);
    cpSync(join(DEFINITIONS, '_shared'), join(dir, '_shared'), { recursive: true });
    mkdirSync(join(dir, 'good'));
    cpSync(MINIMAL, join(dir, 'good'), { recursive: true });
    const registry = loadRegistry(dir, { templatesDir: TEMPLATES });
    assert.deepEqual(byId(registry, 'good').issues.map((i) => i.code), ['WORKFLOW_EXTENDS_UNKNOWN']);
  });
});
