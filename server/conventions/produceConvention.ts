import { createHash } from 'node:crypto';
import { conventionMetaOf, type ConventionContext, type Definition } from '../../engine/index.js';
import { conventionHtmlDocument } from '../../renderer/convention/index.js';
import { sharedConventionRenderer, sharedPdfRenderer } from './sharedConventionRenderer.js';

/** A convention as produced for one context: the standalone HTML document, the PDF, and what identifies them. */
export interface ProducedConvention {
  html: string;
  pdf: Buffer;
  htmlSha256: string;
  pdfSha256: string;
  /** The template it came from: the definition's own convention.hbs, or the generic convention. */
  template: string;
  templateSha256: string;
}

export const sha256 = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

/** The body rendered from the template, and what the documents print around it. */
const bodyOf = (definition: Definition, context: ConventionContext) => ({ body: sharedConventionRenderer().render(definition, context), meta: conventionMetaOf(definition, context) });

/** One format only, for a preview: nothing is stored, so nothing needs the other. */
export async function renderConventionAs(definition: Definition, context: ConventionContext, format: 'html' | 'pdf'): Promise<string | Buffer> {
  const { body, meta } = bodyOf(definition, context);
  return format === 'html' ? conventionHtmlDocument(body, meta) : sharedPdfRenderer().render(body, meta);
}

/**
 * Render a definition's convention for a context, in both formats, from the same HTML body: the PDF is fed
 * from that HTML, in a worker thread, so the event loop goes on serving requests meanwhile. Throws the
 * renderer's error when the template reads a value the data does not have.
 */
export async function produceConvention(definition: Definition, context: ConventionContext): Promise<ProducedConvention> {
  const { body, meta } = bodyOf(definition, context);
  const html = conventionHtmlDocument(body, meta);
  const pdf = await sharedPdfRenderer().render(body, meta);
  const template = sharedConventionRenderer().templateOf(definition);
  return { html, pdf, htmlSha256: sha256(html), pdfSha256: sha256(pdf), template: template.file, templateSha256: sha256(template.source) };
}
