import { TEXT_LIMITS } from '../textLimits.js';

const frenchNumber = new Intl.NumberFormat('fr-FR');

/**
 * A stored free text as a page shows it: whole up to `max` characters, else its beginning and the total length.
 * Texts stored before the limits (a reason of 1 MiB) would otherwise weigh on every page of their request: 1 MiB
 * of HTML each time, and seconds of layout in the browser. The JSON API still gives the whole text.
 */
export function displayedText(text: string, max: number = TEXT_LIMITS.message): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (texte coupé à l’affichage : ${frenchNumber.format(text.length)} caractères en tout)`;
}
