// A worker thread of the PDF pool (started through pdfWorker.mjs): renders conventions' PDFs off the server's main thread.
import { parentPort } from 'node:worker_threads';
import type { ConventionMeta } from '../../../engine/index.js';
import { renderConventionPdf } from './renderConventionPdf.js';

parentPort!.on('message', async (job: { id: number; html: string; meta: ConventionMeta }) => {
  try {
    const pdf = await renderConventionPdf(job.html, job.meta);
    // A copy the main thread owns: the Buffer may be a view on a shared pool.
    const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
    parentPort!.postMessage({ id: job.id, pdf: bytes }, [bytes]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
