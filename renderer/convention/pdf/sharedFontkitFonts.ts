import { createRequire } from 'node:module';
import { hasRightToLeft } from './visualOrder.js';

/** The little of a fontkit font that the converter reads. */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface Glyph {
  id: number;
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}
/** fontkit 2's TTFFont internals that the sharing below relies on. */
interface Internals extends FontkitFont {
  stream: { buffer: Uint8Array };
  directory: unknown;
  _tables: Record<string, unknown>;
  _glyphs: Record<number, Glyph>;
  _decodeDirectory(): unknown;
  layout(text: string, ...options: unknown[]): GlyphRun;
}
/** pdfkit's EmbeddedFont, one per font and document: its cache of laid-out words, and its fontkit font. */
export interface PdfkitFont {
  font?: { stream?: { buffer?: Uint8Array } };
  layoutCache?: Record<string, unknown>;
}

// The very fontkit instance pdfkit requires (not a copy), so that the fonts parsed here are the ones pdfkit uses.
const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
const fontkit = requireFromPdfkit('fontkit') as { create(bytes: Uint8Array): FontkitFont };
const parsed = new WeakMap<Uint8Array, { font: Internals; words: Record<string, unknown>; documents: number }>();
const patched = new WeakSet<object>();
// Words laid out are kept for this many documents, then forgotten: applicants' values make the set unbounded.
const DOCUMENTS_PER_WORD_CACHE = 500;

/*
 * pdfkit parses every font again for every document (fontkit.create on the file's bytes) and shapes every word
 * again (fontkit's layout: GSUB and GPOS lookups); the two were four fifths of the time of a PDF. A font made
 * from bytes that `parseFontOnce` has seen now starts with the directory and decoded tables of the font parsed
 * once, and pdfkit's cache of laid-out words is shared by the documents (`shareWordLayouts`).
 * Determinism: fontkit caches each glyph with the code points it was first asked for, and pdfkit writes those
 * in the PDF's ToUnicode map. A word is therefore shaped with an emptied glyph cache, so that its glyphs carry
 * the code points of that very word, whatever was shaped before: a PDF's bytes depend on its content only,
 * never on the documents the process made before it (test/engine/conventionPdf.test.ts checks it against a
 * fresh process).
 */
function share(prototype: Internals): void {
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const decodeDirectory = prototype._decodeDirectory;
  const layout = prototype.layout;
  prototype._decodeDirectory = function (this: Internals) {
    const shared = parsed.get(this.stream.buffer);
    if (!shared || shared.font === this) return decodeDirectory.call(this);
    this._tables = shared.font._tables;
    return (this.directory = shared.font.directory);
  };
  prototype.layout = function (this: Internals, text: string, ...options: unknown[]): GlyphRun {
    const shared = parsed.get(this.stream.buffer);
    if (!shared || shared.font === this || options.some(Boolean)) return layout.call(this, text, ...options);
    return shape(shared.font, layout, text);
  };
}

/**
 * The glyphs and positions of `text` (a word and its trailing spaces, as pdfkit cuts a line), laid out on the
 * shared font with an emptied glyph cache. The spaces after a right-to-left word are laid out apart: fontkit
 * would put them before the word, visually on its left, where pdfkit draws the previous word.
 */
function shape(font: Internals, layout: Internals['layout'], text: string): GlyphRun {
  const word = text.trimEnd();
  const parts = word !== text && word && hasRightToLeft(word) ? [word, text.slice(word.length)] : [text];
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  for (const part of parts) {
    font._glyphs = {};
    const run = layout.call(font, part);
    glyphs.push(...run.glyphs);
    positions.push(...run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })));
  }
  return {
    glyphs,
    positions,
    get advanceWidth() {
      return this.positions.reduce((sum, p) => sum + p.xAdvance, 0);
    },
  };
}

/** The font in `bytes`, parsed once per process; pdfkit reuses its tables for every document given these very bytes. */
export function parseFontOnce(bytes: Uint8Array): FontkitFont {
  let shared = parsed.get(bytes);
  if (!shared) {
    const font = fontkit.create(bytes) as Internals;
    shared = { font, words: Object.create(null) as Record<string, unknown>, documents: 0 };
    parsed.set(bytes, shared);
    share(Object.getPrototypeOf(font) as Internals);
  }
  return shared.font;
}

/**
 * Gives a document's pdfkit font the words laid out by the documents before it, when its bytes were parsed by
 * `parseFontOnce`. A cached word is the same whoever laid it out (see above), and pdfkit only reads it.
 */
export function shareWordLayouts(font: PdfkitFont): void {
  const shared = font.font?.stream?.buffer && parsed.get(font.font.stream.buffer);
  if (!shared || !font.layoutCache || font.layoutCache === shared.words) return;
  if (++shared.documents % DOCUMENTS_PER_WORD_CACHE === 0) shared.words = Object.create(null) as Record<string, unknown>;
  font.layoutCache = shared.words;
}
