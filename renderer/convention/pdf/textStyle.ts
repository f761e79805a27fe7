import type { Style } from 'pdfmake/interfaces.js';

/** The text properties pdfmake reads for every word, resolved once per text run. */
export interface TextStyle {
  bold: boolean;
  italics: boolean;
  fontSize: number;
  lineHeight: number;
  color: string;
}

const RESOLVED = ['bold', 'italics', 'fontSize', 'lineHeight', 'color'] as const;
const cache = new WeakMap<Readonly<Record<string, Style>>, Map<string, TextStyle>>();

/**
 * The text style of a run inside elements styled `names` (outermost first), as pdfmake would resolve it from
 * its style stack: `base`, then each named style, then the element's own bold and italics.
 */
export function textStyle(base: Style, styles: Readonly<Record<string, Style>>, names: readonly string[], own: { bold?: boolean; italics?: boolean }): TextStyle {
  const key = `${names.join(' ')}|${own.bold ? 'b' : ''}${own.italics ? 'i' : ''}`;
  let byKey = cache.get(styles);
  if (!byKey) cache.set(styles, (byKey = new Map()));
  let resolved = byKey.get(key);
  if (!resolved) {
    const merged: Style = { ...base };
    for (const name of names) {
      const style = styles[name];
      for (const property of RESOLVED) if (style?.[property] !== undefined) Object.assign(merged, { [property]: style[property] });
    }
    if (own.bold) merged.bold = true;
    if (own.italics) merged.italics = true;
    resolved = {
      bold: merged.bold ?? false,
      italics: merged.italics ?? false,
      fontSize: merged.fontSize ?? 12,
      lineHeight: merged.lineHeight ?? 1,
      color: typeof merged.color === 'string' ? merged.color : 'black',
    };
    byKey.set(key, resolved);
  }
  return resolved;
}
