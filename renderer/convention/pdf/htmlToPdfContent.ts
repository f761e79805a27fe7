import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Content, ContentText, Style } from 'pdfmake/interfaces.js';
import type { FontRun } from './fontRuns.js';
import type { FontStyle } from './pdfFonts.js';
import { textStyle, type TextStyle } from './textStyle.js';
import { visualOrder } from './visualOrder.js';

/** Splits a text into runs of one font each (see fontRuns.ts). */
export type RunSplitter = (text: string, style: FontStyle) => FontRun[];

export interface PdfContentOptions {
  split: RunSplitter;
  /** Styles by tag name or class (`h2`, `convention-ids`…); other names are ignored. */
  styles: Readonly<Record<string, Style>>;
  defaultStyle: Style;
}

interface Inline {
  /** Style names from the outermost block to the innermost inline element. */
  styles: readonly string[];
  bold?: boolean;
  italics?: boolean;
  link?: string;
}

type Piece = { text: string; inline: Inline } | 'br';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
// Never shown: the convention templates do not produce them, and their text is not the agreement's.
const HIDDEN = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math', 'img']);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'figcaption']);
const BOLD = new Set(['strong', 'b']);
const ITALICS = new Set(['em', 'i', 'cite', 'var']);
const HTML_SPACE = /[ \t\n\r\f]+/g;

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/**
 * Converts a rendered convention's HTML body into pdfmake content, so that the PDF is made from the very text
 * of the HTML: headings, paragraphs, lists, tables, bold and italics, line breaks. Entities are decoded, white
 * space collapses as in a browser, right-to-left spans are put in visual order, and each text run carries the
 * font that has its glyphs. Elements are styled by tag name and class; unknown elements keep their text;
 * scripts and styles are dropped.
 *
 * Every text run carries its resolved text style (textStyle.ts): pdfmake then reads no style stack per word,
 * which was a fifth of the time of a PDF.
 */
export function htmlToPdfContent(html: string, options: PdfContentOptions): Content[] {
  const document = parseDocument(html, { decodeEntities: true });
  return new Converter(options).blocks(document.children, []);
}

class Converter {
  private readonly merged = new Map<string, Style>();

  constructor(private readonly options: PdfContentOptions) {}

  /** Block content of `nodes`: consecutive inline nodes make one paragraph. */
  blocks(nodes: readonly ChildNode[], outer: readonly string[]): Content[] {
    const out: Content[] = [];
    let inline: ChildNode[] = [];
    const flush = () => {
      const paragraph = this.paragraph(inline, outer, []);
      if (paragraph) out.push(paragraph);
      inline = [];
    };
    for (const node of nodes) {
      if (isElement(node) && HIDDEN.has(node.name)) continue;
      if (isElement(node) && this.isBlock(node)) {
        flush();
        const block = this.block(node, outer);
        if (block) out.push(block);
      } else inline.push(node);
    }
    flush();
    return out;
  }

  private isBlock(element: Element): boolean {
    // An unknown element that holds blocks is a block.
    return BLOCKS.has(element.name) || element.children.some((c) => isElement(c) && this.isBlock(c));
  }

  /**
   * The properties of the named styles, set on the node itself rather than named: pdfmake looks a named style
   * up (allocating as it goes) for every property of every word beneath it.
   */
  private props(names: readonly string[]): Style {
    if (!names.length) return {};
    const key = names.join(' ');
    let props = this.merged.get(key);
    if (!props) this.merged.set(key, (props = Object.assign({}, ...names.map((n) => this.options.styles[n])) as Style));
    return props;
  }

  private styleNames(element: Element): string[] {
    const names = [element.name, ...(element.attribs.class ?? '').split(/\s+/)];
    return names.filter((n) => n && Object.hasOwn(this.options.styles, n));
  }

  private block(element: Element, outer: readonly string[]): Content | undefined {
    const own = this.styleNames(element);
    const styles = [...outer, ...own];
    const name = element.name;
    if (PARAGRAPHS.has(name)) {
      return this.paragraph(element.children, outer, own, /^h[1-6]$/.test(name) ? Number(name[1]) : undefined);
    }
    if (name === 'pre') {
      const text = textOf(element);
      return text ? { text: this.runs(text, { styles }), ...this.props(own), preserveLeadingSpaces: true } : undefined;
    }
    if (name === 'ul' || name === 'ol') {
      const items = element.children
        .filter((c): c is Element => isElement(c) && !HIDDEN.has(c.name))
        .map((child) => this.stackOf(child.name === 'li' ? child.children : [child], styles))
        .filter((item): item is Content => item !== undefined);
      if (!items.length) return undefined;
      return name === 'ul' ? { ul: items, ...this.props(own) } : { ol: items, ...this.props(own) };
    }
    if (name === 'hr') return { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 0.5, lineColor: '#929292' }], margin: [0, 4, 0, 8] };
    if (name === 'table') return this.table(element, styles, own);
    // Containers (section, header, div, li, dd, unknown elements holding blocks): their children, one under the other.
    const stack = this.blocks(element.children, styles);
    if (!stack.length) return undefined;
    return { stack, ...this.props(own), ...(name === 'dd' ? { margin: [16, 0, 0, 4] as [number, number, number, number] } : {}) };
  }

  private stackOf(nodes: readonly ChildNode[], outer: readonly string[]): Content | undefined {
    const content = this.blocks(nodes, outer);
    if (content.length === 0) return undefined;
    return content.length === 1 ? content[0] : { stack: content };
  }

  private table(table: Element, outer: readonly string[], own: string[]): Content | undefined {
    const rows: Element[] = [];
    const collect = (nodes: readonly ChildNode[]) => {
      for (const node of nodes) {
        if (!isElement(node)) continue;
        if (node.name === 'tr') rows.push(node);
        else if (['thead', 'tbody', 'tfoot'].includes(node.name)) collect(node.children);
      }
    };
    collect(table.children);
    const cells = (tr: Element) => tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
    const body: Content[][] = rows.map((tr) =>
      cells(tr).map((cell) => this.stackOf(cell.children, [...outer, ...this.styleNames(cell)]) ?? ''),
    );
    const columns = Math.max(0, ...body.map((row) => row.length));
    if (!columns) return undefined;
    for (const row of body) while (row.length < columns) row.push('');
    const headerRows = rows.findIndex((tr) => !cells(tr).some((c) => c.name === 'th'));
    return {
      table: { headerRows: headerRows === -1 ? rows.length : headerRows, widths: Array<string>(columns).fill('*'), body },
      layout: 'lightHorizontalLines',
      ...this.props(own),
    };
  }

  /** One paragraph from inline nodes; nothing when they hold only white space. */
  private paragraph(nodes: readonly ChildNode[], outer: readonly string[], own: string[], headlineLevel?: number): ContentText | undefined {
    const pieces: Piece[] = [];
    this.inline(nodes, { styles: [...outer, ...own] }, pieces);
    const text = this.collapse(pieces);
    if (!text.length) return undefined;
    return headlineLevel ? { text, ...this.props(own), headlineLevel } : { text, ...this.props(own) };
  }

  private inline(nodes: readonly ChildNode[], inline: Inline, out: Piece[]): void {
    for (const node of nodes) {
      if (node.type === 'text') out.push({ text: node.data, inline });
      if (!isElement(node) || HIDDEN.has(node.name)) continue;
      if (node.name === 'br') {
        out.push('br');
        continue;
      }
      const next: Inline = { ...inline, styles: [...inline.styles, ...this.styleNames(node)] };
      if (BOLD.has(node.name)) next.bold = true;
      if (ITALICS.has(node.name)) next.italics = true;
      const href = node.attribs.href;
      if (node.name === 'a' && href && /^(https?:|mailto:)/i.test(href)) next.link = href;
      // A block inside inline content (a <p> in a <span>) starts on its own line.
      const block = BLOCKS.has(node.name);
      if (block) out.push('br');
      this.inline(node.children, next, out);
      if (block) out.push('br');
    }
  }

  /** Collapses white space as CSS `white-space: normal` does, line by line, and splits the text into font runs. */
  private collapse(pieces: Piece[]): ContentText[] {
    const lines: { text: string; inline: Inline }[][] = [[]];
    let afterSpace = true;
    for (const piece of pieces) {
      if (piece === 'br') {
        lines.push([]);
        afterSpace = true;
        continue;
      }
      let text = piece.text.replace(HTML_SPACE, ' ');
      if (afterSpace) text = text.replace(/^ /, '');
      if (!text) continue;
      afterSpace = text.endsWith(' ');
      lines[lines.length - 1]!.push({ text, inline: piece.inline });
    }
    for (const line of lines) {
      const last = line[line.length - 1];
      if (last) last.text = last.text.replace(/ $/, '');
    }
    while (lines.length && !lines[0]!.some((e) => e.text)) lines.shift();
    while (lines.length && !lines[lines.length - 1]!.some((e) => e.text)) lines.pop();
    const out: ContentText[] = [];
    lines.forEach((line, index) => {
      if (index > 0) out.push({ text: '\n' });
      for (const entry of line) if (entry.text) out.push(...this.runs(entry.text, entry.inline));
    });
    return out;
  }

  private runs(text: string, inline: Inline): ContentText[] {
    const style: TextStyle = textStyle(this.options.defaultStyle, this.options.styles, inline.styles, inline);
    const fontStyle: FontStyle = style.bold ? (style.italics ? 'bolditalics' : 'bold') : style.italics ? 'italics' : 'normal';
    return this.options.split(visualOrder(text), fontStyle).map((run) => {
      const content: ContentText = { ...style, text: run.text, font: run.font };
      if (inline.link) content.link = inline.link;
      return content;
    });
  }
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || HIDDEN.has(node.name)) return '';
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}
