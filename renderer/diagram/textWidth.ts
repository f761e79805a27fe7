/**
 * Widths in em of the glyphs of Marianne, the DSFR's typeface, in broad classes. The server cannot measure
 * text, so boxes are sized from these estimates, on the generous side: a box a little too wide reads well,
 * a box too narrow lets its text overflow.
 */
const NARROW = new Set([...'ijlrtfI.,;:!|’\'()[] ']);
const WIDE = new Set([...'mwMW@%']);

/** The estimated width in pixels of `text` set in Marianne at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (WIDE.has(ch)) em += 0.88;
    else if (ch !== ch.toLowerCase()) em += 0.7;
    else em += 0.58;
  }
  return Math.ceil(em * fontSize * (bold ? 1.08 : 1));
}
