import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmailTemplates } from '../../server/emails/emailTemplates.js';
import { trimLineEnds } from '../../server/emails/trimLineEnds.js';

/** What e-mail texts did before: right, but quadratic in a run of blanks that a word follows. */
const byRegex = (text: string) => text.replace(/[ \t]+$/gm, '');

describe('trailing blanks of e-mail lines', () => {
  it('are removed exactly as /[ \\t]+$/gm removed them, on every kind of line break', () => {
    // A seeded generator: the same strings on every run, many shapes of blanks, words and breaks.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = [' ', ' ', '\t', 'a', 'é', '\n', '\r', '\r\n', '\u2028', '\u2029'];
    for (let n = 0; n < 2_000; n++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      assert.equal(trimLineEnds(text), byRegex(text), JSON.stringify(text));
    }
    assert.equal(trimLineEnds('Bonjour  \n\t\nMerci\t \r\nFin  '), 'Bonjour\n\nMerci\r\nFin');
  });

  it('cost one pass: an e-mail whose reason holds 50,000 blanks before a word renders at once', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'datapass-emails-'));
    try {
      mkdirSync(join(dir, 'emails'));
      writeFileSync(join(dir, 'emails', 'refuse.hbs'), 'Subject: Demande {{requestId}} refusée\n\nMotif :\n{{reason}}\n');
      const reason = `Motif${' '.repeat(50_000)}suite\n`.repeat(4);
      const start = performance.now();
      const email = createEmailTemplates(dir).render('refuse', { requestId: 'D1', reason });
      const elapsed = performance.now() - start;
      assert.equal(email.text, `Motif :\n${reason.trim()}\n`, 'blanks inside a line stay');
      // The regex took about 10 s per line of this reason on the machine this was written on.
      assert.ok(elapsed < 1_000, `rendered in ${Math.round(elapsed)} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
