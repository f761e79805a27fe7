import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { conventionIdentifiers, type ConventionMeta } from '../../../engine/index.js';
import { CONVENTION_PDF_STYLES, DEFAULT_PDF_STYLE, RUNNING_STYLE } from './conventionPdfStyles.js';
import { fontRuns } from './fontRuns.js';
import { htmlToPdfContent, type RunSplitter } from './htmlToPdfContent.js';
import { pdfFonts } from './pdfFonts.js';
import { printPdf } from './pdfmakePrinter.js';
import { visualOrder } from './visualOrder.js';

const MARGIN_X = 56;
const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/**
 * The convention's PDF: A4, its text real (searchable, copyable) in Marianne with fallback fonts for what
 * Marianne lacks, made from the same HTML body as the web and printed versions. Every page carries the
 * organisation, the request and authorization identifiers and "Page N / M". The same HTML and meta give
 * the same bytes (dates come from `meta.date`), since the PDF's hash is stored and checked later.
 */
export async function renderConventionPdf(html: string, meta: ConventionMeta): Promise<Buffer> {
  const fonts = pdfFonts();
  const split: RunSplitter = (text, style) => fontRuns(text, fonts.chain[style]);
  const runs = (text: string): ContentText[] => split(visualOrder(text), 'normal').map((r) => ({ text: r.text, font: r.font }));
  const date = new Date(meta.date);
  if (Number.isNaN(date.getTime())) throw new Error(`renderConventionPdf: meta.date is not a date: ${meta.date}`);
  const identifiers = conventionIdentifiers(meta);
  const header = runs(`${truncate(meta.organizationName, 80)} · SIRET ${meta.siret}`);
  const footer = runs(identifiers);

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 56, MARGIN_X, 56],
    language: 'fr-FR',
    info: {
      title: meta.title,
      subject: `${meta.definitionName} — ${identifiers}`,
      author: meta.organizationName,
      keywords: identifiers,
      creator: 'DataPass',
      producer: 'DataPass',
      creationDate: date,
      modDate: date,
    },
    defaultStyle: DEFAULT_PDF_STYLE,
    header: (): Content => ({ text: header, ...RUNNING_STYLE, margin: [MARGIN_X, 24, MARGIN_X, 0] }),
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: footer, width: '*' },
        { text: `Page ${page} / ${pages}`, width: 'auto', alignment: 'right' },
      ],
      ...RUNNING_STYLE,
      margin: [MARGIN_X, 20, MARGIN_X, 0],
    }),
    content: htmlToPdfContent(html, { split, styles: CONVENTION_PDF_STYLES, defaultStyle: DEFAULT_PDF_STYLE }),
  };
  return printPdf(definition, fonts.dictionary, fonts.files);
}

/** At most `max` characters (grapheme clusters), with "…" when cut: the page header has room for two lines. */
function truncate(text: string, max: number): string {
  const clusters = Array.from(graphemes.segment(text), (s) => s.segment);
  return clusters.length <= max ? text : `${clusters.slice(0, max - 1).join('')}…`;
}
