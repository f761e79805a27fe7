import assert from 'node:assert/strict';
import { isSiren, isSiret, luhn } from '../../../engine/formats/index.js';

describe('siret and siren formats', () => {
  it('accepts SIRETs that pass the Luhn check', () => {
    // DINUM, a commune, an administration, two companies.
    for (const siret of ['13002526500013', '21690123100011', '11000201100044', '41816609600069', '73282932000074']) {
      assert.ok(luhn(siret), siret);
      assert.ok(isSiret(siret), siret);
    }
  });

  it('accepts La Poste establishments whose digits add up to a multiple of 5, though they fail Luhn', () => {
    for (const siret of ['35600000000001', '35600000049837', '35600000052135']) {
      const sum = [...siret].reduce((s, d) => s + Number(d), 0);
      assert.equal(sum % 5, 0, siret);
      assert.ok(isSiret(siret), siret);
    }
    assert.ok(!luhn('35600000000001'), 'the rule matters only where Luhn fails');
  });

  it('refuses La Poste numbers whose digit sum is not a multiple of 5, and the multiple-of-5 rule elsewhere', () => {
    assert.ok(!isSiret('35600000000002'));
    assert.ok(!luhn('35600000000002'));
    // Sum 15 but not La Poste's SIREN: Luhn alone decides.
    assert.ok(!luhn('12300000000009') && !isSiret('12300000000009'));
  });

  it('refuses wrong checksums, lengths and anything but digits', () => {
    for (const value of ['13002526500014', '1300252650001', '130025265000133', '130 025 265 00013', '1300252650001A', '', '13002526500013 ']) {
      assert.ok(!isSiret(value), JSON.stringify(value));
    }
  });

  it('checks SIRENs: 9 digits, Luhn', () => {
    assert.ok(isSiren('130025265'));
    assert.ok(isSiren('356000000'));
    assert.ok(!isSiren('130025266'));
    assert.ok(!isSiren('13002526'));
    assert.ok(!isSiren('130 025 265'));
  });
});
