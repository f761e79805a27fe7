import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEFINITIONS, ROOT } from '../../helpers/paths.js';

// The CLI as a provider team runs it: `node bin/datapass.js …` from the repository root.

const BROKEN = join(ROOT, 'test', 'fixtures', 'broken-definitions');

function datapass(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/datapass.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A definitions root of its own, with copies of the real _shared and _workflows. */
function makeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'datapass-cli-'));
  cpSync(join(DEFINITIONS, '_shared'), join(root, '_shared'), { recursive: true });
  cpSync(join(DEFINITIONS, '_workflows'), join(root, '_workflows'), { recursive: true });
  return root;
}

describe('datapass CLI', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const root = () => {
    const r = makeRoot();
    roots.push(r);
    return r;
  };

  describe('check', () => {
    it('exits 1 on a broken fixture and prints file:line:column  CODE', () => {
      const fixture = relative(ROOT, join(BROKEN, 'json-syntax-ui'));
      const run = datapass('check', fixture);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /✖ json-syntax-ui/);
      assert.ok(run.stdout.includes(`  ${fixture}/ui.json:3:5  JSON_SYNTAX  `), run.stdout);
    });

    it('prints exactly the issues of a fixture checked in a root that has _shared and _workflows', () => {
      const dir = root();
      cpSync(join(BROKEN, 'workflow-target-typo'), join(dir, 'workflow-target-typo'), { recursive: true, filter: (src) => !src.endsWith('expected.yaml') });
      const folder = relative(ROOT, join(dir, 'workflow-target-typo'));
      const run = datapass('check', folder);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      const lines = run.stdout.split('\n').filter((l) => l.startsWith('  '));
      assert.equal(lines.length, 1, run.stdout);
      assert.ok(lines[0]!.startsWith(`  ${folder}/workflow.yaml:5:26  WORKFLOW_UNKNOWN_TARGET  Unknown target state "valided"`), lines[0]);
      assert.match(lines[0]!, /Did you mean "validated"\?/);
      assert.match(run.stdout, /1 issue in 1 of 1 definition\./);
    });

    it('exits 0 on the definitions of the repository', () => {
      const run = datapass('check', 'definitions');
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /✔ api-exemple/);
      assert.match(run.stdout, /no issue/);
    });

    it('prints parseable JSON with --json, the same issues with their places', () => {
      const fixture = relative(ROOT, join(BROKEN, 'json-syntax-ui'));
      const run = datapass('check', fixture, '--json');
      assert.equal(run.status, 1, run.stderr);
      const results = JSON.parse(run.stdout) as { id: string; folder: string; issues: { code: string; file: string; line?: number; column?: number; pointer: string; message: string }[] }[];
      assert.equal(results.length, 1);
      assert.equal(results[0]!.id, 'json-syntax-ui');
      const issue = results[0]!.issues.find((i) => i.code === 'JSON_SYNTAX');
      assert.ok(issue, run.stdout);
      assert.deepEqual({ file: issue.file, line: issue.line, column: issue.column, pointer: issue.pointer }, { file: `${fixture}/ui.json`, line: 3, column: 5, pointer: '' });
      assert.ok(issue.message.length > 0);

      const clean = datapass('check', 'definitions', '--json');
      assert.equal(clean.status, 0, clean.stderr);
      const all = JSON.parse(clean.stdout) as { id: string; issues: unknown[] }[];
      assert.ok(all.some((r) => r.id === 'api-exemple'));
      assert.ok(all.every((r) => r.issues.length === 0));
    });

    it('exits 2 on a folder that does not exist', () => {
      const run = datapass('check', 'definitions/no-such-definition');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /does not exist/);
    });
  });

  describe('new', () => {
    it('creates a folder that passes check', () => {
      const dir = root();
      const run = datapass('new', 'api-test-cli', '--name', 'API Test CLI', '--provider', 'dinum', '--dir', dir);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const folder = join(dir, 'api-test-cli');
      for (const file of ['definition.yaml', 'schema.json', 'ui.json', 'workflow.yaml', 'examples']) assert.ok(existsSync(join(folder, file)), `${file} is created`);
      const meta = readFileSync(join(folder, 'definition.yaml'), 'utf8');
      assert.match(meta, /^name: API Test CLI$/m);
      assert.match(meta, /^provider: dinum$/m);

      const check = datapass('check', folder);
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.match(check.stdout, /✔ api-test-cli/);
      const all = datapass('check', dir);
      assert.equal(all.status, 0, all.stdout + all.stderr);
    });

    it('refuses an id that is not a slug, and a folder that exists', () => {
      const dir = root();
      assert.equal(datapass('new', 'API Test', '--dir', dir).status, 2);
      assert.equal(datapass('new', 'api-deux', '--dir', dir).status, 0);
      const again = datapass('new', 'api-deux', '--dir', dir);
      assert.equal(again.status, 2);
      assert.match(again.stderr, /already exists/);
    });
  });
});
