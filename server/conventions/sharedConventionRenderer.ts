import { fileURLToPath } from 'node:url';
import { createConventionRenderer, type ConventionRenderer } from '../../engine/index.js';
import { createPdfWorkerPool, type PdfRenderer } from '../../renderer/convention/index.js';

/** The project's `templates/` folder: the shared layout, partials and the generic convention. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

let shared: ConventionRenderer | undefined;

/** One renderer per process, so each definition's template is compiled once. */
export function sharedConventionRenderer(): ConventionRenderer {
  return (shared ??= createConventionRenderer(TEMPLATES_DIR));
}

let pdfs: PdfRenderer | undefined;

/** The worker threads that render PDFs for this process, started on first use (idle ones keep nothing alive). */
export function sharedPdfRenderer(): PdfRenderer {
  return (pdfs ??= createPdfWorkerPool());
}
