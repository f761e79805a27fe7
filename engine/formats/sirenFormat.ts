import type { FormatDefinition } from './FormatDefinition.js';
import { luhn } from './luhn.js';

const NINE_DIGITS = /^\d{9}$/;

/** True for a SIREN: 9 digits passing the Luhn check, written without spaces. */
export function isSiren(value: string): boolean {
  return NINE_DIGITS.test(value) && luhn(value);
}

export const sirenFormat: FormatDefinition = {
  name: 'siren',
  validate: isSiren,
  message: 'doit être un numéro SIREN valide (9 chiffres)',
  description: 'A SIREN (company number): exactly 9 digits, no spaces, passing the Luhn check.',
};
