import type { FormatDefinition } from './FormatDefinition.js';
import { luhn } from './luhn.js';

const FOURTEEN_DIGITS = /^\d{14}$/;
/** La Poste's SIREN: its establishments are numbered outside the Luhn rule. */
const LA_POSTE_SIREN = '356000000';

/**
 * True for a SIRET: 14 digits passing the Luhn check, or a La Poste establishment (`356000000` followed
 * by 5 digits) whose 14 digits add up to a multiple of 5, the rule INSEE applies to La Poste.
 */
export function isSiret(value: string): boolean {
  if (!FOURTEEN_DIGITS.test(value)) return false;
  if (luhn(value)) return true;
  if (!value.startsWith(LA_POSTE_SIREN)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) sum += value.charCodeAt(i) - 48;
  return sum % 5 === 0;
}

export const siretFormat: FormatDefinition = {
  name: 'siret',
  validate: isSiret,
  message: 'doit être un numéro SIRET valide (14 chiffres)',
  description:
    'A SIRET (establishment number): exactly 14 digits, no spaces, passing the Luhn check; La Poste establishments ' +
    '(356000000 followed by 5 digits) pass when the sum of their 14 digits is a multiple of 5.',
};
