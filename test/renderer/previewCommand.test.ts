import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFTOTEXT, pdfText } from '../helpers/pdftotext.js';
import { requireService } from '../helpers/serviceSkip.js';
import { ROOT } from '../helpers/paths.js';

function datapass(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/datapass.js', ...args], { cwd: ROOT, timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/** `datapass preview`, as a provider team runs it from the repository root. */
describe('datapass preview', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'datapass-preview-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the convention with a named example as a standalone HTML document', () => {
    const out = join(dir, 'particulier.html');
    const run = datapass('preview', 'api-particulier', '--example', 'valid-tarification-municipale-enfance', '--out', out);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /valid-tarification-municipale-enfance/);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.ok(html.includes('API Particulier') && html.includes('Commune de Exemple-sur-Loire'));
    assert.ok(html.includes('Tarification sociale'), 'the example’s data');
  });

  it('writes a PDF whose text carries the organisation, its SIRET and the definition', function () {
    requireService(this, PDFTOTEXT);
    const out = join(dir, 'entreprise.pdf');
    const run = datapass('preview', 'definitions/api-entreprise', '--format', 'pdf', '--out', out);
    assert.equal(run.status, 0, run.stderr);
    const text = pdfText(out);
    for (const expected of ['Commune de Exemple-sur-Loire', '21450999900006', 'API Entreprise']) assert.ok(text.includes(expected), expected);
  });

  it('writes HTML to stdout without --out', () => {
    const run = datapass('preview', 'france-connect');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout.toString('utf8'), /FranceConnect/);
  });

  it('says what is wrong: an unknown example (listing the valid ones), an unknown definition, a bad format', () => {
    const unknown = datapass('preview', 'api-particulier', '--example', 'nope');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no valid example "nope".*valid-libre-params/s);
    const missing = datapass('preview', 'api-inexistante');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no definition folder "api-inexistante"/);
    const format = datapass('preview', 'api-particulier', '--format', 'docx');
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format is html or pdf, not "docx"/);
  });
});
