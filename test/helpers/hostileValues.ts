import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';

// What applicants may type, in every field: markup, template syntax, entities, a word longer than a line,
// right-to-left scripts and emoji (a flag, a ZWJ sequence, a pictograph).
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  template: '{{constructor.constructor}}',
  entities: '&amp; &lt;b&gt;',
  longWord: 'Anticonstitutionnellement'.repeat(12),
  arabic: 'مرحبا بالعالم',
  hebrew: 'שלום עולם',
  emoji: '🇫🇷👩‍💻✅',
  french: 'Œuvre « à l’été » — ça ?',
};
// Each value after a Latin label: pdftotext's bidi heuristics take an emoji right after Hebrew for part of the
// right-to-left run and reverse it, although the PDF draws it after the run, as the Unicode bidi algorithm does.
export const HOSTILE_TEXT = Object.entries(HOSTILE).map(([label, value]) => `${label} ${value}`).join(' ; ');
export const withoutBidiControls = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');

/**
 * Text compared whatever the line breaks: pdftotext breaks lines where the PDF does, joins a word hyphenated
 * at a line's end ("ci-" + "après" gives "ciaprès"), and wraps right-to-left runs in bidi controls. White
 * space, hyphens and bidi controls go; characters and their order stay.
 */
export const comparable = (text: string): string => text.normalize('NFC').replace(/[\s\u00ad\u2010\u2011\u200e\u200f\u202a-\u202e\u2066-\u2069-]/gu, '');

/** Each element of an HTML body as its name and attributes, e.g. `p class="convention-ids"`. */
export function elementShapes(html: string): Set<string> {
  const elements = DomUtils.findAll(() => true, parseDocument(html).children) as Element[];
  return new Set(elements.map((e) => [e.name, ...Object.entries(e.attribs).map(([k, v]) => `${k}="${v}"`).sort()].join(' ')));
}
