import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { isIssueCode } from '../../../engine/issues/catalogue.js';
import type { Issue } from '../../../engine/issues/Issue.js';
import { loadDefinition } from '../../../engine/load/loadDefinition.js';
import { DEFINITIONS, ROOT } from '../../helpers/paths.js';

// One folder per load error: a small definition with exactly one mistake, and expected.yaml listing what
// the loader must report. Adding a folder adds its test. `_bases/` holds the valid folders they start from.
const BROKEN = join(ROOT, 'test', 'fixtures', 'broken-definitions');
const BASES = join(BROKEN, '_bases');

interface Expected {
  code: string;
  file: string;
  pointer: string;
  line?: number;
  column?: number;
  /** A part of the message the issue must contain (a "Did you mean" hint, say). */
  message_contains?: string;
}

/** An issue as expected.yaml writes it: file relative to the fixture folder, no line written as null. */
type Comparable = { code: string; file: string | null; pointer: string; line: number | null };

function fixtureNames(): string[] {
  return readdirSync(BROKEN)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.') && statSync(join(BROKEN, name)).isDirectory())
    .sort();
}

function load(folder: string) {
  return loadDefinition(folder, { definitionsRoot: DEFINITIONS });
}

/** Issue files are shown relative to the working directory; expected.yaml writes them relative to the fixture. */
function fileInFixture(folder: string, issue: Issue): string | null {
  return issue.file === undefined ? null : relative(folder, resolve(issue.file)).split('\\').join('/');
}

const order = (a: Comparable, b: Comparable) =>
  `${a.file}|${String(a.line).padStart(6, '0')}|${a.code}|${a.pointer}`.localeCompare(`${b.file}|${String(b.line).padStart(6, '0')}|${b.code}|${b.pointer}`);

describe('broken definitions (test/fixtures/broken-definitions)', () => {
  const names = fixtureNames();

  it('has at least 25 fixtures, one per problem', () => {
    assert.ok(names.length >= 25, `only ${names.length} fixtures`);
  });

  describe('the valid bases the fixtures start from', () => {
    for (const base of readdirSync(BASES).sort()) {
      it(`${base} loads with no issue`, () => {
        const result = load(join(BASES, base));
        assert.deepEqual(result.issues.map((i) => `${i.code} ${i.message}`), []);
        assert.ok(result.definition);
      });
    }
  });

  for (const name of names) {
    const folder = join(BROKEN, name);
    const expectedText = readFileSync(join(folder, 'expected.yaml'), 'utf8');
    const what = /^# (.*)/.exec(expectedText)?.[1] ?? name;

    describe(name, () => {
      const expected = parse(expectedText) as Expected[];
      let result: ReturnType<typeof load>;
      before(() => {
        result = load(folder);
      });

      it('lists its expected issues with known codes', () => {
        assert.ok(Array.isArray(expected) && expected.length > 0, 'expected.yaml must list at least one issue');
        for (const e of expected) assert.ok(isIssueCode(e.code), `${e.code} is not in the catalogue`);
      });

      it(`reports exactly the expected issues: ${what}`, () => {
        const actual = result.issues
          .map((i): Comparable & { column: number | null; message: string } => ({ code: i.code, file: fileInFixture(folder, i), pointer: i.pointer, line: i.line ?? null, column: i.column ?? null, message: i.message }))
          .sort(order);
        const wanted = expected.map((e) => ({ ...e, line: e.line ?? null })).sort(order);
        const strip = (list: (Comparable & Record<string, unknown>)[]) => list.map(({ code, file, pointer, line }) => ({ code, file, pointer, line }));
        assert.deepEqual(strip(actual), strip(wanted), `issues reported:\n${result.issues.map((i) => `  ${i.code} ${i.message}`).join('\n')}`);
        wanted.forEach((e, k) => {
          const got = actual[k]!;
          if (e.column !== undefined) assert.equal(got.column, e.column, `column of ${e.code} ${e.pointer}`);
          if (e.message_contains !== undefined) assert.ok(got.message.includes(e.message_contains), `the message of ${e.code} should contain ${JSON.stringify(e.message_contains)}: ${got.message}`);
        });
      });

      it('returns no definition', () => {
        assert.equal(result.definition, undefined);
        assert.equal(result.id, name);
      });

      it('gives every issue a message that names its file', () => {
        for (const issue of result.issues) {
          assert.ok(issue.file, `${issue.code} has no file`);
          assert.ok(issue.message.trim().length > 0, `${issue.code} has an empty message`);
          assert.ok(issue.message.includes(basename(issue.file)), `the message of ${issue.code} does not name ${basename(issue.file)}: ${issue.message}`);
        }
      });
    });
  }
});
