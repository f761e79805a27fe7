import assert from 'node:assert/strict';
import { conventionMetaOf, createConventionRenderer, exampleConventionContext, loadRegistry } from '../../engine/index.js';
import { createPdfWorkerPool } from '../../renderer/convention/pdf/pdfWorkerPool.js';
import { renderConventionPdf } from '../../renderer/convention/pdf/renderConventionPdf.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

describe('the PDF worker pool', function () {
  this.timeout(120_000);
  const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES, deep: false });
  const renderer = createConventionRenderer(TEMPLATES);
  const definitions = ['api-particulier', 'api-entreprise', 'france-connect'].map((id) => registry.definitions.get(id)!);
  const jobs = definitions.map((d) => {
    const context = exampleConventionContext(d, undefined, { generatedAt: '2026-11-24T10:00:00Z' });
    return { html: renderer.render(d, context), meta: conventionMetaOf(d, context) };
  });

  it('renders in worker threads exactly the bytes the main thread renders, several at once', async () => {
    const pool = createPdfWorkerPool(2);
    try {
      const expected = await Promise.all(jobs.map((j) => renderConventionPdf(j.html, j.meta)));
      const many = await Promise.all([...jobs, ...jobs, ...jobs].map((j) => pool.render(j.html, j.meta)));
      many.forEach((pdf, i) => assert.ok(pdf.equals(expected[i % jobs.length]!), `job ${i}: the same bytes`));
    } finally {
      await pool.close();
    }
  });

  it('fails a job with the renderer’s error, and goes on with the next ones', async () => {
    const pool = createPdfWorkerPool(1);
    try {
      await assert.rejects(pool.render(jobs[0]!.html, { ...jobs[0]!.meta, date: 'pas une date' }), /meta\.date is not a date/);
      assert.equal((await pool.render(jobs[0]!.html, jobs[0]!.meta)).subarray(0, 5).toString(), '%PDF-');
    } finally {
      await pool.close();
    }
  });

  it('refuses new jobs once closed, and rejects the queued ones', async () => {
    const pool = createPdfWorkerPool(1);
    const first = pool.render(jobs[0]!.html, jobs[0]!.meta);
    const queued = pool.render(jobs[1]!.html, jobs[1]!.meta);
    const closing = pool.close();
    await assert.rejects(queued, /closed/);
    await assert.rejects(first);
    await closing;
    await assert.rejects(pool.render(jobs[0]!.html, jobs[0]!.meta), /closed/);
  });
});
