import assert from 'node:assert/strict';
import { checkSiret, SIRET_MESSAGES } from '../../../server/organizations/index.js';

describe('checkSiret', () => {
  it('accepts a SIRET passing the Luhn check', () => {
    assert.deepEqual(checkSiret('13002526500013'), { ok: true, siret: '13002526500013' });
    assert.deepEqual(checkSiret('21920023500014'), { ok: true, siret: '21920023500014' });
  });

  it('refuses a SIRET failing the Luhn check', () => {
    assert.deepEqual(checkSiret('13002526500014'), { ok: false, message: SIRET_MESSAGES.checksum });
    assert.deepEqual(checkSiret('12345678901234'), { ok: false, message: SIRET_MESSAGES.checksum });
  });

  it("accepts a La Poste establishment whose digits add up to a multiple of 5, though it fails Luhn", () => {
    assert.deepEqual(checkSiret('35600000049837'), { ok: true, siret: '35600000049837' });
    // La Poste's head office also passes Luhn.
    assert.deepEqual(checkSiret('35600000000048'), { ok: true, siret: '35600000000048' });
  });

  it('refuses a La Poste number whose digit sum is not a multiple of 5', () => {
    assert.deepEqual(checkSiret('35600000049838'), { ok: false, message: SIRET_MESSAGES.checksum });
    // The digit-sum rule is La Poste's alone: another SIREN with a sum multiple of 5 still needs Luhn.
    assert.deepEqual(checkSiret('35600001049827'), { ok: false, message: SIRET_MESSAGES.checksum });
    assert.deepEqual(checkSiret('12345678901234'), { ok: false, message: SIRET_MESSAGES.checksum });
  });

  it('removes spaces, including non-breaking ones, and returns the normalized SIRET', () => {
    assert.deepEqual(checkSiret('130 025 265 00013'), { ok: true, siret: '13002526500013' });
    assert.deepEqual(checkSiret(' 130\u00a0025\u202f265 00013 \t'), { ok: true, siret: '13002526500013' });
    assert.deepEqual(checkSiret('356 000 000 49837'), { ok: true, siret: '35600000049837' });
  });

  it('refuses a wrong length', () => {
    assert.deepEqual(checkSiret('1300252650001'), { ok: false, message: SIRET_MESSAGES.length });
    assert.deepEqual(checkSiret('130025265000130'), { ok: false, message: SIRET_MESSAGES.length });
    assert.deepEqual(checkSiret('130025265'), { ok: false, message: 'Le numéro SIRET doit compter 14 chiffres.' });
  });

  it('refuses characters other than digits and spaces', () => {
    assert.deepEqual(checkSiret('130.025.265.00013'), { ok: false, message: SIRET_MESSAGES.notDigits });
    assert.deepEqual(checkSiret('1300252650001A'), { ok: false, message: SIRET_MESSAGES.notDigits });
    assert.deepEqual(checkSiret('１３００２５２６５０００１３'), { ok: false, message: SIRET_MESSAGES.notDigits }, 'full-width digits');
  });

  it('refuses an empty value and a non-string', () => {
    for (const value of ['', '   ', undefined, null, 13002526500013, ['13002526500013'], {}]) {
      assert.deepEqual(checkSiret(value), { ok: false, message: SIRET_MESSAGES.missing }, String(value));
    }
  });

  it('words its messages in French', () => {
    assert.equal(SIRET_MESSAGES.checksum, "Ce numéro SIRET n'est pas valide : vérifiez-le sur votre avis de situation Sirene.");
  });
});
