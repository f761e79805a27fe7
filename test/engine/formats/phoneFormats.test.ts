import assert from 'node:assert/strict';
import { isFrenchMobile, isFrenchPhone, parseFrenchPhoneNumber } from '../../../engine/formats/index.js';

const MAINLAND_MOBILES = ['06 12 34 56 78', '0712345678', '07.12.34.56.78', '06-12-34-56-78', '+33 6 12 34 56 78', '+33612345678', '0033 7 12 34 56 78', '+33 (0)6 12 34 56 78', '+33 06 12 34 56 78', '06\u00a012\u00a034\u00a056\u00a078'];
const OVERSEAS_MOBILES = [
  '+262 692 12 34 56', // Réunion
  '+262 693 12 34 56',
  '+262 639 12 34 56', // Mayotte
  '+262 7092 1 23 45',
  '+590 690 12 34 56', // Guadeloupe, Saint-Martin, Saint-Barthélemy
  '+590 691 12 34 56',
  '+590 7090 1 23 45',
  '+594 694 12 34 56', // Guyane
  '+596 696 12 34 56', // Martinique
  '+596 697 12 34 56',
  '0690 12 34 56', // national forms of the same
  '0692 12 34 56',
  '0694 12 34 56',
  '0696 12 34 56',
  '0639 12 34 56',
  '00262 692 12 34 56',
];
const LANDLINES = ['01 23 45 67 89', '+33 1 23 45 67 89', '05 56 00 00 00', '09 70 00 00 00', '+262 262 12 34 56', '+590 590 12 34 56', '+594 594 12 34 56', '+596 596 12 34 56', '0262 12 34 56'];
const PACIFIC_AND_SPM = ['+687 12 34 56', '+689 87 12 34 56', '+689 40 12 34 56', '+508 41 12 34', '+681 72 12 34'];
const NOT_FRENCH = ['', '0612', '06 12 34 56 7', '06 12 34 56 789', '6 12 34 56 78', '00 12 34 56 78', '+44 7911 123456', '+1 202 555 0100', '+33 12 34', 'abc', '06_12_34_56_78', '+262 692 12 34', '(06) 12 34 56 78'];

describe('phone_fr and mobile_fr formats', () => {
  it('accepts mainland mobiles in national and international forms, with spaces, dots or dashes', () => {
    for (const n of MAINLAND_MOBILES) {
      assert.ok(isFrenchMobile(n), n);
      assert.ok(isFrenchPhone(n), n);
    }
  });

  it('accepts overseas mobiles: Réunion, Mayotte, Guadeloupe/Saint-Martin/Saint-Barthélemy, Guyane, Martinique', () => {
    for (const n of OVERSEAS_MOBILES) {
      assert.ok(isFrenchMobile(n), n);
      assert.ok(isFrenchPhone(n), n);
    }
  });

  it('refuses landlines, mainland and overseas, as mobiles but accepts them as phones', () => {
    for (const n of LANDLINES) {
      assert.ok(!isFrenchMobile(n), n);
      assert.ok(isFrenchPhone(n), n);
    }
  });

  it('accepts the Pacific collectivities and Saint-Pierre-et-Miquelon as phones only', () => {
    for (const n of PACIFIC_AND_SPM) {
      assert.ok(isFrenchPhone(n), n);
      assert.ok(!isFrenchMobile(n), n);
    }
  });

  it('refuses what is not a French number', () => {
    for (const n of NOT_FRENCH) {
      assert.ok(!isFrenchPhone(n), n);
      assert.ok(!isFrenchMobile(n), n);
    }
  });

  it('refuses an overseas landline range dialled with the wrong code as a mobile', () => {
    assert.ok(!isFrenchMobile('+594 690 12 34 56'), "0690 is Guadeloupe's, not Guyane's");
    assert.ok(!isFrenchMobile('+262 696 12 34 56'), "0696 is Martinique's, not Réunion's");
  });

  it('splits a number into country code and significant digits', () => {
    assert.deepEqual(parseFrenchPhoneNumber('+33 (0)1 23 45 67 89'), { countryCode: '33', number: '123456789' });
    assert.deepEqual(parseFrenchPhoneNumber('0692 12 34 56'), { countryCode: '33', number: '692123456' });
    assert.deepEqual(parseFrenchPhoneNumber('+262 692 12 34 56'), { countryCode: '262', number: '692123456' });
    assert.equal(parseFrenchPhoneNumber('+44 20 7946 0958'), undefined);
  });
});
