import type { Style } from 'pdfmake/interfaces.js';

const BLUE_FRANCE = '#000091';
const GREY = '#666666';

/**
 * The PDF's styles, by tag name or class of the convention HTML (templates/partials/convention_layout.hbs),
 * close to templates/convention.css so that the PDF and the printed HTML look alike.
 */
export const CONVENTION_PDF_STYLES: Record<string, Style> = {
  'convention-header': { margin: [0, 0, 0, 10] },
  'convention-provider': { fontSize: 9, color: GREY, margin: [0, 0, 0, 4] },
  'convention-organization': { fontSize: 9, margin: [0, 0, 0, 4] },
  h1: { fontSize: 15, bold: true, lineHeight: 1.2, margin: [0, 0, 0, 6] },
  'convention-name': { fontSize: 19, color: BLUE_FRANCE },
  'convention-ids': { fontSize: 9, color: GREY, margin: [0, 0, 0, 6] },
  'convention-frame': { italics: true },
  h2: { fontSize: 12.5, bold: true, color: BLUE_FRANCE, margin: [0, 10, 0, 5] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 4, 0, 3] },
  h4: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
  p: { margin: [0, 0, 0, 5] },
  ul: { margin: [0, 0, 0, 6] },
  ol: { margin: [0, 0, 0, 6] },
  th: { bold: true },
  dt: { bold: true, margin: [0, 2, 0, 0] },
  field: { margin: [0, 0, 0, 3] },
  signature: { margin: [0, 6, 0, 0] },
  'signature-line': { color: GREY, fontSize: 9 },
};

export const DEFAULT_PDF_STYLE: Style = { font: 'Marianne', fontSize: 10, lineHeight: 1.25, color: '#161616' };

/** The page header and footer. */
export const RUNNING_STYLE: Style = { fontSize: 8, color: GREY, lineHeight: 1.1 };
