import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../engine/cli/checkCommand.js';
import type { Issue } from '../../engine/issues/Issue.js';
import { DEFINITIONS } from '../helpers/paths.js';

/** `datapass check <folder> --json`: the issues it prints. */
function check(folder: string): Issue[] {
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    checkCommand([folder, '--json']);
  } finally {
    process.stdout.write = write;
  }
  return (JSON.parse(out) as { issues: Issue[] }[]).flatMap((r) => r.issues);
}

/** Line and 1-based column of the first occurrence of `text`. */
function positionOf(source: string, text: string): { line: number; column: number } {
  const before = source.slice(0, source.indexOf(text)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

// A folder drafted outside definitions/: `datapass check` renders its convention with each valid example.
describe('datapass check renders the convention with every valid example', () => {
  let base: string;
  let folder: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'datapass-convention-'));
    folder = join(base, 'api-exemple');
    cpSync(join(DEFINITIONS, 'api-exemple'), folder, { recursive: true });
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('reports an optional field read bare, at its line and column, naming the examples that lack it', function () {
    this.timeout(30_000);
    // valid-tarification-cantine's technical contact is an organisation's mailbox, without a family name;
    // neither example gives a volume. A render stops at its first missing value: one issue per example.
    const source = `{{#> convention_layout}}
{{> purpose data.basic_infos}}
<section class="article">
  <p>Contact : {{data.contacts.contact_technique.family_name}}</p>
  <p>Mise en production : {{date_fr data.basic_infos.date_prevue_mise_en_production}} ({{data.basic_infos.volumetrie_approximative}})</p>
</section>
{{/convention_layout}}
`;
    writeFileSync(join(folder, 'convention.hbs'), source);
    const issues = check(folder);
    const familyName = positionOf(source, 'data.contacts.contact_technique.family_name');
    const volumetrie = positionOf(source, 'data.basic_infos.volumetrie_approximative');
    assert.deepEqual(
      issues.map((i) => [i.code, i.file?.endsWith('/api-exemple/convention.hbs'), i.line, i.column]),
      [
        ['CONVENTION_MISSING_VALUE', true, volumetrie.line, volumetrie.column],
        ['CONVENTION_MISSING_VALUE', true, familyName.line, familyName.column],
      ],
    );
    assert.match(issues[0]!.message, /reads "data\.basic_infos\.volumetrie_approximative", which example valid-libre does not have \(.*convention\.hbs:5:\d+\)\. If the value is optional, guard it: \{\{#if data\.basic_infos\.volumetrie_approximative\}\}/);
    assert.match(issues[1]!.message, /which example valid-tarification-cantine does not have/);
  });

  it('names every example that lacks the value', function () {
    this.timeout(30_000);
    writeFileSync(join(folder, 'convention.hbs'), '{{#> convention_layout}}\n<p>{{data.basic_infos.volumetrie_approximative}}</p>\n{{/convention_layout}}\n');
    const issues = check(folder);
    assert.deepEqual(issues.map((i) => [i.code, i.line, i.column]), [['CONVENTION_MISSING_VALUE', 2, 6]]);
    assert.match(issues[0]!.message, /which examples valid-libre, valid-tarification-cantine do not have/);
  });

  it('reports an optional part of the context read bare, found by rendering without it', function () {
    this.timeout(30_000);
    writeFileSync(join(folder, 'convention.hbs'), '{{#> convention_layout}}\n<p>Habilitation {{authorization.public_id}}</p>\n{{/convention_layout}}\n');
    const issues = check(folder);
    assert.deepEqual(issues.map((i) => [i.code, i.line, i.column]), [['CONVENTION_MISSING_VALUE', 2, 19]]);
    assert.match(issues[0]!.message, /without the optional authorization, applicant and address/);
  });

  it('reports a missing value inside a shared partial at the partial\'s line', function () {
    this.timeout(30_000);
    writeFileSync(join(folder, 'convention.hbs'), '{{#> convention_layout}}\n{{> personal_data data.basic_infos}}\n{{/convention_layout}}\n');
    const issues = check(folder);
    assert.deepEqual(issues.map((i) => [i.code, i.file, i.line]), [['CONVENTION_MISSING_VALUE', 'templates/partials/personal_data.hbs', 4]]);
  });

  it('passes a folder without convention.hbs: the generic convention renders every example', function () {
    this.timeout(30_000);
    rmSync(join(folder, 'convention.hbs'));
    assert.deepEqual(check(folder), []);
  });
});
