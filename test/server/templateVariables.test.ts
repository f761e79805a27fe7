import assert from 'node:assert/strict';
import { fillTemplate, unknownVariables } from '../../server/lifecycle/messageTemplate.js';
import { templateVariables } from '../../server/lifecycle/templateVariables.js';

/** What templates used before: right, but cubic in the blanks after an unclosed `{{`. */
const VARIABLE = /\{\{\s*([^}]*?)\s*\}\}/g;

describe('the variables of a message template', () => {
  it('are found exactly where /\\{\\{\\s*([^}]*?)\\s*\\}\\}/g found them, with the same names', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = ['{', '{', '}', '}', ' ', '\n', 'a', 'lien', '{{', '}}'];
    for (let n = 0; n < 3_000; n++) {
      const body = Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
      const expected = [...body.matchAll(VARIABLE)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1] }));
      assert.deepEqual(templateVariables(body), expected, JSON.stringify(body));
    }
  });

  it('are filled in, and only the variables there are: `{{constructor}}` is unknown and stays as written', () => {
    const values = { lien: 'https://x/D1', numero: 'D1', titre: 'T', organisation: 'O', habilitation: 'H' };
    assert.equal(fillTemplate('Voir {{ lien }} ({{numero}}) {{inconnue}} {{constructor}}', values), 'Voir https://x/D1 (D1) {{inconnue}} {{constructor}}');
    assert.deepEqual(unknownVariables('{{lien}} {{constructor}} {{__proto__}}'), ['constructor', '__proto__']);
  });

  it('cost one pass: `{{` and 10,000 blanks, or 5,000 `{{`, are read at once', () => {
    for (const body of [`{{${' '.repeat(10_000)}`, '{{'.repeat(5_000), `{{${' '.repeat(10_000)}}`]) {
      const start = performance.now();
      unknownVariables(body);
      fillTemplate(body, { lien: '', numero: '', titre: '', organisation: '', habilitation: '' });
      assert.ok(performance.now() - start < 200, `${JSON.stringify(body.slice(0, 6))}…: ${Math.round(performance.now() - start)} ms`);
    }
  });
});
