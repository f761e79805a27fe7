import { isSiret } from '../../engine/index.js';

/** French messages for a SIRET typed by a user. */
export const SIRET_MESSAGES = {
  missing: "Indiquez le numéro SIRET de l'organisation (14 chiffres).",
  notDigits: 'Le numéro SIRET ne doit contenir que des chiffres.',
  length: 'Le numéro SIRET doit compter 14 chiffres.',
  checksum: "Ce numéro SIRET n'est pas valide : vérifiez-le sur votre avis de situation Sirene.",
} as const;

export type SiretCheck = { ok: true; siret: string } | { ok: false; message: string };

/**
 * Checks a SIRET typed by a user: white space anywhere (spaces, non-breaking spaces, tabs) is removed, then
 * the value must be 14 digits passing the Luhn check, or a La Poste establishment (`356000000` + 5 digits whose
 * digit sum is a multiple of 5). Returns the normalized SIRET or a French message.
 */
export function checkSiret(value: unknown): SiretCheck {
  if (typeof value !== 'string') return { ok: false, message: SIRET_MESSAGES.missing };
  const siret = value.replace(/\s+/gu, '');
  if (siret === '') return { ok: false, message: SIRET_MESSAGES.missing };
  if (!/^\d+$/.test(siret)) return { ok: false, message: SIRET_MESSAGES.notDigits };
  if (siret.length !== 14) return { ok: false, message: SIRET_MESSAGES.length };
  if (!isSiret(siret)) return { ok: false, message: SIRET_MESSAGES.checksum };
  return { ok: true, siret };
}
