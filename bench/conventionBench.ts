import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conventionMetaOf, createConventionRenderer, exampleConventionContext, type Registry } from '../engine/index.js';
import { availableParallelism } from 'node:os';
import { conventionHtmlDocument, createPdfWorkerPool, renderConventionPdf } from '../renderer/convention/index.js';
import { measure } from './measure.js';

const TEMPLATES = join(fileURLToPath(import.meta.url), '..', '..', 'templates');

/** PDFs rendered one after another for `ms` milliseconds after a warm-up; the median rate over batches. */
async function pdfsPerSecond(render: () => Promise<Buffer>, ms = 3000): Promise<{ perSecond: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 5; i++) bytes = (await render()).length;
  const rates: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < 300) {
      await render();
      n++;
    }
    rates.push((n * 1000) / (performance.now() - start));
  }
  rates.sort((a, b) => a - b);
  return { perSecond: rates[Math.floor(rates.length / 2)]!, bytes };
}

/**
 * Conventions per second, API Particulier with its first valid example: the HTML document (templates compiled
 * once, as the server does) against compiling the layout, partials and template for each document, and the PDF.
 */
export async function conventionRendering(registry: Registry, rows: [string, string, string][]): Promise<void> {
  const definition = registry.definitions.get('api-particulier');
  if (!definition) throw new Error('api-particulier does not load');
  const example = definition.examples.find((e) => !e.issues.length)!;
  const context = exampleConventionContext(definition, example.name);
  const meta = conventionMetaOf(definition, context);
  const renderer = createConventionRenderer(TEMPLATES);
  const html = () => conventionHtmlDocument(renderer.render(definition, context), meta);
  // The baseline: a renderer made for each document, which compiles the partials and the template again.
  const compiledEachTime = () => conventionHtmlDocument(createConventionRenderer(TEMPLATES).render(definition, context), meta);
  const once = measure(html);
  const each = measure(compiledEachTime, { batches: 9, minBatchMs: 200 });
  rows.push([`convention HTML document (api-particulier, ${example.name}), templates compiled once`, `${(1e6 / once).toFixed(0)}/s`, `${(once / 1000).toFixed(3)} ms each (target ≥ 2,000/s)`]);
  rows.push(['  baseline: layout, partials and template compiled for each document', `${(1e6 / each).toFixed(0)}/s`, `${(each / once).toFixed(1)}× slower`]);
  const body = renderer.render(definition, context);
  // As the server renders them: in its pool of worker threads (one per core), several approvals at once.
  const pool = createPdfWorkerPool();
  const inFlight = 2 * availableParallelism();
  try {
    const pooled = await pdfsPerSecond(async () => (await Promise.all(Array.from({ length: inFlight }, () => pool.render(body, meta))))[0]!);
    const perSecond = pooled.perSecond * inFlight;
    rows.push([`convention PDF (pdfmake, ${Math.round(pooled.bytes / 1024)} KiB), server's pool of ${availableParallelism()} worker threads, ${inFlight} in flight`, `${perSecond.toFixed(0)}/s`, `target ≥ 50/s`]);
  } finally {
    await pool.close();
  }
  const pdf = await pdfsPerSecond(() => renderConventionPdf(body, meta));
  const pdfFromScratch = await pdfsPerSecond(() => renderConventionPdf(createConventionRenderer(TEMPLATES).render(definition, context), meta));
  rows.push(['  baseline: one PDF after another on the main thread', `${pdf.perSecond.toFixed(0)}/s`, `${(1000 / pdf.perSecond).toFixed(1)} ms each`]);
  rows.push(['  baseline: the same, templates compiled for each document', `${pdfFromScratch.perSecond.toFixed(0)}/s`, '']);
}
