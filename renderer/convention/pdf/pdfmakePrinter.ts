import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { installLineMerging } from './mergeLineInlines.js';
import { shareWordLayouts, type PdfkitFont } from './sharedFontkitFonts.js';

/** pdfkit's document as pdfmake returns it: a readable stream to end. */
interface PdfKitDocument extends NodeJS.ReadableStream {
  end(): void;
}

interface Printer {
  createPdfKitDocument(definition: TDocumentDefinitions, options?: { fontLayoutCache?: boolean }): Promise<PdfKitDocument>;
}

type PrinterClass = new (
  fonts: Record<string, Record<string, string>>,
  virtualfs: { existsSync(key: string): boolean; readFileSync(key: string): Buffer },
  urlResolver: { resolve(url: string): void; resolved(): Promise<void> },
  localAccessPolicy: (path: string) => boolean,
) => Printer;

const require = createRequire(import.meta.url);
// pdfmake's own Printer rather than its process-wide singleton: the fonts are ours alone, served from memory,
// and a document can reach no file and no URL.
const PdfPrinter = (require('pdfmake/js/Printer.js') as { default: PrinterClass }).default;

installLineMerging();

// pdfmake asks its document for a font for every word it measures: the first time for a document, the font
// gets the words laid out by the documents before.
const pdfDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: { provideFont(...args: unknown[]): PdfkitFont } } }).default.prototype;
const provideFont = pdfDocument.provideFont;
pdfDocument.provideFont = function (this: unknown, ...args: unknown[]) {
  const font = provideFont.apply(this, args);
  shareWordLayouts(font);
  return font;
};

const noUrls = { resolve: () => {}, resolved: () => Promise.resolve() };

/** Lays out `definition` with `fonts` (family → style → key of `files`) and returns the PDF's bytes. */
export async function printPdf(definition: TDocumentDefinitions, fonts: Record<string, Record<string, string>>, files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const vfs = { existsSync: (key: string) => files.has(key), readFileSync: (key: string) => files.get(key)! };
  const printer = new PdfPrinter(structuredClone(fonts), vfs, noUrls, () => false);
  const doc = await printer.createPdfKitDocument(definition);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
