import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { isIssueCode } from '../../../engine/issues/catalogue.js';
import { createLoadEnvironment } from '../../../engine/load/LoadEnvironment.js';
import { loadDefinition } from '../../../engine/load/loadDefinition.js';
import type { LoadResult } from '../../../engine/model/Definition.js';
import { DEFINITIONS, ROOT } from '../../helpers/paths.js';

// The loader's promise: whatever a provider team puts in a folder, it answers a definition or issues, and
// never throws. Valid folders are mutated at random, written to a temporary folder and loaded.
// A failure prints fast-check's seed and path; replay it with FC_SEED=<seed> FC_PATH=<path>.

const BASES = join(ROOT, 'test', 'fixtures', 'broken-definitions', '_bases');
const SOURCES = [
  { name: 'api-exemple', folder: join(DEFINITIONS, 'api-exemple'), runs: 150 },
  { name: 'minimal', folder: join(BASES, 'minimal'), runs: 1450 },
  { name: 'scoped', folder: join(BASES, 'scoped'), runs: 400 },
];

/** A folder in memory: relative path → bytes. A value `null` stands for a directory (a file replaced by one). */
type Files = Map<string, Buffer | null>;

function readFolder(folder: string, prefix = ''): Files {
  const files: Files = new Map();
  for (const name of readdirSync(join(folder, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(folder, rel)).isDirectory()) for (const [k, v] of readFolder(folder, rel)) files.set(k, v);
    else if (!name.endsWith('.ts')) files.set(rel, readFileSync(join(folder, rel)));
  }
  return files;
}

function writeFolder(folder: string, files: Files): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [rel, content] of files) {
    const path = join(folder, rel);
    mkdirSync(dirname(path), { recursive: true });
    if (content === null) mkdirSync(path, { recursive: true });
    else writeFileSync(path, content);
  }
}

// Names that a typo or a careless implementation would meet.
const NAMES = [
  'name', 'provider', 'description', 'support_email', 'scopes', 'use_cases', 'id', 'prefill', 'locked', 'steps', 'items',
  'value', 'label', 'group', 'links', 'cgu', 'features', 'stage', 'next', 'kind', 'roles', 'attestations',
  'type', 'properties', 'required', 'requried', '$ref', 'title', 'format', 'definitions', 'if', 'then', 'else', 'allOf',
  'anyOf', 'oneOf', 'enum', 'const', 'contains', 'ui:order', 'ui:widget', 'terms', 'extends', 'states', 'events',
  'on', 'target', 'actors', 'guards', 'effects', 'initial', 'final', 'data', 'issues', 'use_case', 'context', 'code',
  'pointer', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'a/b', 'a~b', '0', '#',
];
const FILE_NAMES = ['shema.json', 'definition.yml', 'workflow.yml', 'ui.jsn', 'convention.hbs', 'examples/extra.yaml', 'examples/x.json', 'examples', 'types.ts', 'README.md'];

const jsonValue = fc.jsonValue({ maxDepth: 2 });
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{{', '}}', '{{#each data}}', '{{/with}}', '{{> parties}}', '{{data.x.y}}', '- ', ': ', '"', "'", '\t', '\n', '[', '{', '&a ', '*a', '!!js/function', '%YAML 1.1\n', '---\n', '...\n', '\uFEFF'));
const bytes = fc.uint8Array({ minLength: 1, maxLength: 12 });
const nonUtf8 = fc.constantFrom(Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from([0x00, 0x00, 0x00]), Buffer.from('\uFEFFname: é\n', 'utf16le'));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('deleteKey' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('replaceValue' as const), file: fc.nat(), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('renameKey' as const), file: fc.nat(), at: fc.nat(), name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 10 })) }),
  fc.record({ kind: fc.constant('duplicateKey' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('insertBytes' as const), file: fc.nat(), at: fc.nat(), bytes: fc.oneof(bytes, text.map((t) => new Uint8Array(Buffer.from(t)))) }),
  fc.record({ kind: fc.constant('deleteFile' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('replaceFile' as const), file: fc.nat(), content: fc.oneof(fc.constant(Buffer.alloc(0)), nonUtf8, text.map((t) => Buffer.from(t)), jsonValue.map((v) => Buffer.from(JSON.stringify(v) ?? ''))) }),
  fc.record({ kind: fc.constant('addFile' as const), name: fc.constantFrom(...FILE_NAMES), from: fc.nat() }),
  fc.record({ kind: fc.constant('fileToFolder' as const), file: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

type Container = Record<string, unknown> | unknown[];
type Place = { parent: Container; key: string | number } | { parent: undefined; key: undefined };

/** Every place in a parsed value where a mutation can act: the root and each entry of each container. */
function places(value: unknown): Place[] {
  const out: Place[] = [{ parent: undefined, key: undefined }];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((item, i) => (out.push({ parent: node, key: i }), walk(item)));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) out.push({ parent: node as Record<string, unknown>, key: k }), walk(v);
  };
  walk(value);
  return out;
}

/** Set an own property, even `__proto__`, the way JSON.parse would. */
function define(object: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function parseFile(name: string, content: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    const source = content.toString('utf8');
    return { ok: true, value: name.endsWith('.json') ? JSON.parse(source) : parse(source, { uniqueKeys: false }) };
  } catch {
    return { ok: false };
  }
}

function serialize(name: string, value: unknown): Buffer {
  return Buffer.from(name.endsWith('.json') ? (JSON.stringify(value, null, 2) ?? '') : stringify(value));
}

/** Apply one mutation; structural ones fall back to doing nothing when the file no longer parses. */
function mutate(files: Files, m: Mutation): void {
  const names = [...files.keys()].filter((k) => files.get(k) !== null).sort();
  if (m.kind === 'addFile') {
    const source = names.length ? files.get(names[m.from % names.length]!) : undefined;
    // A file named like a folder replaces it, and the reverse.
    for (const k of [...files.keys()]) if (k.startsWith(`${m.name}/`) || m.name.startsWith(`${k}/`)) files.delete(k);
    files.set(m.name, Buffer.from(source ?? Buffer.alloc(0)));
    return;
  }
  if (!names.length) return;
  const name = names[m.file % names.length]!;
  const content = files.get(name)!;
  switch (m.kind) {
    case 'deleteFile':
      files.delete(name);
      return;
    case 'replaceFile':
      files.set(name, m.content);
      return;
    case 'fileToFolder':
      files.set(name, null);
      return;
    case 'truncate':
      files.set(name, content.subarray(0, m.at % (content.length + 1)));
      return;
    case 'insertBytes': {
      const at = m.at % (content.length + 1);
      files.set(name, Buffer.concat([content.subarray(0, at), Buffer.from(m.bytes), content.subarray(at)]));
      return;
    }
    case 'duplicateKey': {
      const lines = content.toString('utf8').split('\n');
      const keyed = lines.map((l, i) => (/^\s*(-\s+)?("[^"]*"|[\w$:-]+)\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (!keyed.length) return;
      const i = keyed[m.at % keyed.length]!;
      lines.splice(i + 1, 0, lines[i]!.replace(/^(\s*)-\s+/, '$1  '));
      files.set(name, Buffer.from(lines.join('\n')));
      return;
    }
  }
  if (!/\.(json|ya?ml)$/.test(name)) return;
  const parsed = parseFile(name, content);
  if (!parsed.ok) return;
  let root = parsed.value;
  const all = places(root);
  const place = all[m.at % all.length]!;
  switch (m.kind) {
    case 'deleteKey':
      if (place.parent === undefined) root = undefined;
      else if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
      else delete place.parent[place.key as string];
      break;
    case 'replaceValue':
      if (place.parent === undefined) root = m.value;
      else if (Array.isArray(place.parent)) place.parent[place.key as number] = m.value;
      else define(place.parent, place.key as string, m.value);
      break;
    case 'renameKey': {
      if (place.parent === undefined || Array.isArray(place.parent)) return;
      const entries = Object.entries(place.parent);
      for (const k of Object.keys(place.parent)) delete place.parent[k];
      for (const [k, v] of entries) define(place.parent, k === place.key ? m.name : k, v);
      break;
    }
  }
  files.set(name, root === undefined ? Buffer.alloc(0) : serialize(name, root));
}

/** What the loader must always answer. */
function assertAnswer(result: LoadResult, folder: string): void {
  assert.ok(result && typeof result === 'object', 'the loader answers an object');
  assert.ok(Array.isArray(result.issues), 'with a list of issues');
  if (result.definition) {
    assert.deepEqual(result.issues, [], 'a definition comes with no issue');
    return;
  }
  assert.ok(result.issues.length > 0, 'no definition and no issue');
  for (const issue of result.issues) {
    assert.ok(isIssueCode(issue.code), `unknown code ${issue.code}`);
    assert.notEqual(issue.code, 'INTERNAL_ERROR');
    assert.equal(typeof issue.file, 'string', `${issue.code} has no file: ${issue.message}`);
    assert.ok(issue.file!.length > 0, `${issue.code} has an empty file`);
    // A place the provider team can open: a file of the folder, or a shared fragment or workflow.
    const file = resolve(issue.file!);
    assert.ok(file === folder || file.startsWith(folder + sep) || file.startsWith(DEFINITIONS + sep), `${issue.code} is reported in ${issue.file}`);
    assert.ok(issue.message.includes(basename(issue.file!)), `the message of ${issue.code} does not name ${basename(issue.file!)}: ${issue.message}`);
    assert.equal(typeof issue.message, 'string');
    assert.ok(issue.message.trim().length > 0, `${issue.code} has an empty message`);
    assert.equal(typeof issue.pointer, 'string', `${issue.code} has no pointer`);
    if (issue.line !== undefined) assert.ok(Number.isInteger(issue.line) && issue.line >= 1, `${issue.code} has line ${issue.line}`);
    if (issue.column !== undefined) assert.ok(Number.isInteger(issue.column) && issue.column >= 1, `${issue.code} has column ${issue.column}`);
  }
}

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) } : {};

describe('loadDefinition on randomly broken folders', function () {
  this.timeout(180_000);
  let tmp: string;
  // One environment for every run: the shared fragments and workflows are read once, as loadRegistry does.
  const environment = createLoadEnvironment(DEFINITIONS);

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'datapass-loader-property-'));
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const source of SOURCES) {
    it(`${source.name}: answers a definition or issues, never throws (${source.runs} runs)`, () => {
      const original = readFolder(source.folder);
      // The folder keeps the source's name, so that the id matches and only the mutations break it.
      const folder = join(tmp, source.name);
      writeFolder(folder, original);
      const untouched = loadDefinition(folder, { environment });
      assert.deepEqual(untouched.issues.map((i) => i.message), [], 'the source loads before any mutation');

      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const files: Files = new Map([...original].map(([k, v]) => [k, v === null ? null : Buffer.from(v)]));
          for (const m of mutations) mutate(files, m);
          writeFolder(folder, files);
          let result: LoadResult;
          try {
            result = loadDefinition(folder, { environment });
          } catch (error) {
            assert.fail(`loadDefinition threw on ${[...files.keys()].join(', ')}: ${(error as Error).stack}`);
          }
          assertAnswer(result, folder);
        }),
        { numRuns: source.runs, ...replay },
      );
    });
  }
});
