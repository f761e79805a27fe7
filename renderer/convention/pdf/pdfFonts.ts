import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseFontOnce } from './sharedFontkitFonts.js';
import { woffToSfnt } from './woffToSfnt.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';
const FONT_STYLES: readonly FontStyle[] = ['normal', 'bold', 'italics', 'bolditalics'];

/**
 * The fonts of a convention PDF, in fallback order: Marianne, the State's typeface, for what it covers
 * (Latin); DejaVu Sans for the other scripts an applicant may type (Greek, Cyrillic, Arabic, Hebrew, symbols,
 * U+202F the French narrow no-break space); Noto Emoji (monochrome, with the ZWJ sequences and flags as
 * ligatures) for emoji, last. Marianne ships only as WOFF/WOFF2: its WOFF files are turned into TrueType once.
 */
const FAMILIES: { name: string; files: Record<FontStyle, string> }[] = (() => {
  const marianne = join(packageDir('@gouvfr/dsfr'), 'dist', 'fonts');
  const dejavu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  const emoji = packageDir('@expo-google-fonts/noto-emoji');
  return [
    {
      name: 'Marianne',
      files: {
        normal: join(marianne, 'Marianne-Regular.woff'),
        bold: join(marianne, 'Marianne-Bold.woff'),
        italics: join(marianne, 'Marianne-Regular_Italic.woff'),
        bolditalics: join(marianne, 'Marianne-Bold_Italic.woff'),
      },
    },
    {
      name: 'DejaVuSans',
      files: {
        normal: join(dejavu, 'DejaVuSans.ttf'),
        bold: join(dejavu, 'DejaVuSans-Bold.ttf'),
        italics: join(dejavu, 'DejaVuSans-Oblique.ttf'),
        bolditalics: join(dejavu, 'DejaVuSans-BoldOblique.ttf'),
      },
    },
    {
      name: 'NotoEmoji',
      files: {
        normal: join(emoji, '400Regular', 'NotoEmoji_400Regular.ttf'),
        bold: join(emoji, '700Bold', 'NotoEmoji_700Bold.ttf'),
        italics: join(emoji, '400Regular', 'NotoEmoji_400Regular.ttf'),
        bolditalics: join(emoji, '700Bold', 'NotoEmoji_700Bold.ttf'),
      },
    },
  ];
})();

export interface LoadedFont {
  family: string;
  hasGlyph(codePoint: number): boolean;
}

export interface PdfFonts {
  /** pdfmake's font dictionary: family → style → key into `files`. */
  dictionary: Record<string, Record<FontStyle, string>>;
  /** The font bytes by key, read once. */
  files: ReadonlyMap<string, Buffer>;
  /** For each style, the fonts in fallback order. */
  chain: Record<FontStyle, readonly LoadedFont[]>;
}

let loaded: PdfFonts | undefined;

/** The convention fonts, read and parsed once per process. */
export function pdfFonts(): PdfFonts {
  if (loaded) return loaded;
  const files = new Map<string, Buffer>();
  const byPath = new Map<string, LoadedFont>();
  const dictionary: PdfFonts['dictionary'] = {};
  const chain: Record<FontStyle, LoadedFont[]> = { normal: [], bold: [], italics: [], bolditalics: [] };
  for (const family of FAMILIES) {
    dictionary[family.name] = { ...family.files };
    for (const style of FONT_STYLES) {
      const path = family.files[style];
      let font = byPath.get(path);
      if (!font) {
        const read = readFileSync(path);
        const bytes = path.endsWith('.woff') ? woffToSfnt(read) : read;
        const parsedFont = parseFontOnce(bytes);
        files.set(path, bytes);
        const coverage = new Map<number, boolean>();
        font = {
          family: family.name,
          hasGlyph: (cp) => {
            let has = coverage.get(cp);
            if (has === undefined) coverage.set(cp, (has = parsedFont.hasGlyphForCodePoint(cp)));
            return has;
          },
        };
        byPath.set(path, font);
      }
      chain[style].push(font);
    }
  }
  loaded = { dictionary, files, chain };
  return loaded;
}
