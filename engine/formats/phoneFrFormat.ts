import type { FormatDefinition } from './FormatDefinition.js';
import { parseFrenchPhoneNumber } from './frenchPhoneNumber.js';

/** True for any French phone number, landline or mobile, mainland or overseas. */
export function isFrenchPhone(value: string): boolean {
  return parseFrenchPhoneNumber(value) !== undefined;
}

export const phoneFrFormat: FormatDefinition = {
  name: 'phone_fr',
  validate: isFrenchPhone,
  message: 'doit être un numéro de téléphone français',
  description:
    'A French phone number, landline or mobile: national `0X XX XX XX XX` (10 digits, first after 0 not 0), or ' +
    '`+33`/`0033` then 9 digits (a trunk `0` or `(0)` after the code is tolerated), or an overseas code: ' +
    '+262 (Réunion, Mayotte), +590 (Guadeloupe, Saint-Martin, Saint-Barthélemy), +594 (Guyane), +596 (Martinique) ' +
    'then 9 digits; +508 (Saint-Pierre-et-Miquelon), +681 (Wallis-et-Futuna), +687 (Nouvelle-Calédonie), ' +
    '+689 (Polynésie française) with their own 6 to 9 digit plans. Spaces, dots and dashes between digits are ignored.',
};
