import type { FormatDefinition } from './FormatDefinition.js';
import { parseFrenchPhoneNumber } from './frenchPhoneNumber.js';

/**
 * Mobile ranges per country code. In the national plan every mobile starts with 6 or 7 (mainland 06/07 and
 * the overseas 0639, 0690–0697, 07 09 x…); dialled with an overseas code, only that department's ranges are
 * mobile (ARCEP plan, as libphonenumber records it in 2026).
 */
const MOBILE: Record<string, RegExp> = {
  '33': /^[67]\d{8}$/,
  // Réunion 0692/0693, Mayotte 0639, and the new 07 09 2x / 07 09 3x ranges.
  '262': /^(?:69[23]\d{6}|639\d{6}|709[23]\d{5})$/,
  // Guadeloupe, Saint-Martin, Saint-Barthélemy: 0690/0691 and 07 09 0x.
  '590': /^(?:69[01]\d{6}|7090\d{5})$/,
  // Guyane: 0694 and 07 09 3x.
  '594': /^(?:694\d{6}|7093\d{5})$/,
  // Martinique: 0696/0697 and 07 09 1x.
  '596': /^(?:69[67]\d{6}|7091\d{5})$/,
};

/** True for a French mobile number that can receive SMS: mainland or overseas department. */
export function isFrenchMobile(value: string): boolean {
  const phone = parseFrenchPhoneNumber(value);
  return phone !== undefined && MOBILE[phone.countryCode]?.test(phone.number) === true;
}

export const mobileFrFormat: FormatDefinition = {
  name: 'mobile_fr',
  validate: isFrenchMobile,
  message: 'doit être un numéro de téléphone portable français',
  description:
    'A French mobile number (e.g. for SMS codes): national `06…`/`07…` (10 digits; this covers the overseas ' +
    '0639, 0690–0697 and 07 09… mobiles too), `+33 6…`/`+33 7…`, or an overseas department code followed by one ' +
    'of its mobile ranges: +262 692/693/639/7092/7093 (Réunion, Mayotte), +590 690/691/7090 (Guadeloupe, ' +
    'Saint-Martin, Saint-Barthélemy), +594 694/7093 (Guyane), +596 696/697/7091 (Martinique). Landlines (01–05, 09), ' +
    'special numbers (08) and the Pacific collectivities are refused. Same separators as `phone_fr`.',
};
