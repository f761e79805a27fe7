// The convention's formats, for the server, the bench and the CLI: the standalone HTML document and the PDF,
// both from the body the engine's convention renderer gives.
export { conventionHtmlDocument } from './conventionDocument.js';
export { renderConventionPdf } from './pdf/renderConventionPdf.js';
export { createPdfWorkerPool, type PdfRenderer } from './pdf/pdfWorkerPool.js';
