import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ConventionMeta } from '../../../engine/index.js';

export interface PdfRenderer {
  render(html: string, meta: ConventionMeta): Promise<Buffer>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  html: string;
  meta: ConventionMeta;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

/**
 * Worker threads that render conventions' PDFs (renderConventionPdf, about 20 ms of CPU each), so that an
 * approval never blocks the server's event loop and several PDFs render at once, one per core. Jobs queue
 * while every worker is busy; a worker that dies fails its job and is replaced. Idle workers do not keep
 * the process alive. Each worker registers tsx itself (pdfWorker.mjs), whatever flags the parent was started with.
 */
export function createPdfWorkerPool(size = Math.max(1, availableParallelism())): PdfRenderer {
  const url = new URL('./pdfWorker.mjs', import.meta.url);
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let workers = 0;
  let nextId = 0;
  let closed = false;

  const start = (): Worker => {
    const worker = new Worker(url);
    workers++;
    worker.on('message', (message: { id: number; pdf?: ArrayBuffer; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      if (job) {
        if (message.pdf) job.resolve(Buffer.from(message.pdf));
        else job.reject(new Error(`The PDF could not be rendered: ${message.error}`));
      }
      release(worker);
    });
    worker.on('error', (error) => {
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(error);
    });
    worker.on('exit', () => {
      workers--;
      busy.get(worker)?.reject(new Error('The PDF worker stopped.'));
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at !== -1) idle.splice(at, 1);
      if (!closed && queue.length) dispatch();
    });
    return worker;
  };

  const release = (worker: Worker) => {
    const job = queue.shift();
    if (job) return run(worker, job);
    worker.unref();
    idle.push(worker);
  };

  const run = (worker: Worker, job: Job) => {
    worker.ref();
    busy.set(worker, job);
    worker.postMessage({ id: job.id, html: job.html, meta: job.meta });
  };

  const dispatch = () => {
    while (queue.length) {
      const worker = idle.pop() ?? (workers < size ? start() : undefined);
      if (!worker) return;
      run(worker, queue.shift()!);
    }
  };

  return {
    render(html, meta) {
      if (closed) return Promise.reject(new Error('The PDF worker pool is closed.'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, html, meta, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The PDF worker pool is closed.'));
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}
