import type { LoadedFont } from './pdfFonts.js';

/** A piece of text and the font family that has a glyph for each of its characters. */
export interface FontRun {
  text: string;
  font: string;
}

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });
// Clusters drawn as emoji: a pictograph with emoji presentation, asked for by VS16, joined by ZWJ, or a flag.
const EMOJI = /\p{Regional_Indicator}|\p{Extended_Pictographic}(?:\uFE0F|\u200D|\p{Emoji_Modifier})|\p{Emoji_Presentation}/u;
const SPACE = /^\s+$/u;

/**
 * Splits `text` into runs of one font each, by glyph coverage: each grapheme cluster takes the first font of
 * `chain` that has a glyph for all its code points (emoji clusters try the emoji font, the chain's last, first),
 * so that a character the main font lacks is drawn — and extracted — with a font that has it. A cluster no font
 * fully covers takes the font that covers most of it.
 */
export function fontRuns(text: string, chain: readonly LoadedFont[]): FontRun[] {
  const main = chain[0];
  if (!main) throw new Error('fontRuns needs at least one font.');
  if (coveredBy(text, main)) return text ? [{ text, font: main.family }] : [];
  const emojiFirst = [...chain.slice(-1), ...chain.slice(0, -1)];
  const runs: FontRun[] = [];
  let current: { text: string; font: LoadedFont } | undefined;
  for (const { segment } of graphemes.segment(text)) {
    // Spaces take the main font's width (the emoji font's space is 1.27 em wide).
    const font = (SPACE.test(segment) && coveredBy(segment, main) ? main : bestFont(segment, EMOJI.test(segment) ? emojiFirst : chain)) ?? main;
    if (current && current.font === font) current.text += segment;
    else {
      if (current) runs.push({ text: current.text, font: current.font.family });
      current = { text: segment, font };
    }
  }
  if (current) runs.push({ text: current.text, font: current.font.family });
  return runs;
}

function coveredBy(text: string, font: LoadedFont): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!font.hasGlyph(cp)) return false;
  }
  return true;
}

function bestFont(cluster: string, chain: readonly LoadedFont[]): LoadedFont | undefined {
  let best: LoadedFont | undefined;
  let bestCount = 0;
  const codePoints = Array.from(cluster, (c) => c.codePointAt(0)!);
  for (const font of chain) {
    const count = codePoints.filter((cp) => font.hasGlyph(cp)).length;
    if (count === codePoints.length) return font;
    if (count > bestCount) [best, bestCount] = [font, count];
  }
  return best;
}
