// Letters of the right-to-left scripts an applicant may type.
const RTL = String.raw`[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]`;
// From a right-to-left letter to the last one that follows it through anything but letters (spaces, digits,
// punctuation): the span the Unicode bidi algorithm lays out right to left inside a left-to-right paragraph.
const RTL_SPAN = new RegExp(`${RTL}(?:[^\\p{L}\\n]*${RTL})*`, 'gu');
const HAS_RTL = new RegExp(RTL, 'u');

/**
 * The text with each right-to-left span's words in visual order (last word first), for pdfkit, which lays out
 * words left to right: fontkit already draws the letters of each right-to-left word from right to left, and
 * text extractors (pdftotext) read the span back in its logical order. A span that wraps onto a second line
 * is reordered as a whole, so its lines come out in the wrong order: a limitation of this simplified bidi.
 */
export function visualOrder(text: string): string {
  if (!hasRightToLeft(text)) return text;
  return text.replace(RTL_SPAN, (span) => span.split(/(\s+)/u).reverse().join(''));
}

/** Whether `text` has a letter of a right-to-left script. */
export function hasRightToLeft(text: string): boolean {
  return HAS_RTL.test(text);
}
