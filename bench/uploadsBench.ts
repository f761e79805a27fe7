import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { officeBomb } from '../test/helpers/zipArchive.js';
import { signedIn } from './benchApp.js';
import type { Row } from './serverBench.js';

const PDF_HEAD = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 3);

interface Measured {
  status: number;
  code: string | undefined;
  /** Median time from sending the upload to its full answer. */
  ms: number;
  /** Longest event-loop stall of the server over all runs. */
  maxStallMs: number;
  /** Growth of the server's peak resident memory over all runs. */
  extraPeakMb: number;
}

/** The uploads benchmark's server, in its own process; resolves once it listens. */
async function startServer(): Promise<{ child: ChildProcess; baseUrl: string; requestId: string }> {
  const child = fork(join(import.meta.dirname, 'uploadsBenchServer.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`uploads bench server exited with ${code}`)));
  });
  const { port, requestId } = JSON.parse(line) as { port: number; requestId: string };
  return { child, baseUrl: `http://127.0.0.1:${port}`, requestId };
}

const ask = (child: ChildProcess, message: string) =>
  new Promise<Record<string, number>>((resolve) => {
    child.once('message', (answer) => resolve(answer as Record<string, number>));
    child.send(message);
  });

/** Upload `content` RUNS times into a fresh server process (after a small warm-up upload), measuring the server. */
async function measureUpload(name: string, content: Buffer): Promise<Measured> {
  const { child, baseUrl, requestId } = await startServer();
  try {
    const { cookie, csrf } = await signedIn(baseUrl, 'applicant@bench.fr');
    const upload = async (filename: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('field', '/legal/cadre_juridique_document');
      form.append('files', new Blob([new Uint8Array(bytes)]), filename);
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/requests/${requestId}/documents`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, accept: 'application/json' }, body: form });
      const body = (await response.json()) as { errors?: { code: string }[] };
      return { status: response.status, code: body.errors?.[0]?.code, ms: performance.now() - started };
    };
    await upload('warm-up.pdf', PDF_HEAD);
    // Uploaded files stay: each run goes to a new request field slot, so the field's six files are not reached.
    await ask(child, 'start');
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await upload(name, content));
    const server = await ask(child, 'stop');
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    return { status: runs[0]!.status, code: runs[0]!.code, ms: times[Math.floor(times.length / 2)]!, maxStallMs: server.maxStallMs!, extraPeakMb: server.extraPeakMb! };
  } finally {
    child.send('exit');
    await new Promise((r) => child.once('exit', r));
  }
}

const describe = (m: Measured) => `${m.status}${m.code ? ` ${m.code}` : ''}; server: longest event-loop stall ${m.maxStallMs.toFixed(0)} ms, peak memory +${m.extraPeakMb.toFixed(0)} MB`;

/**
 * `BENCH_ONLY=uploads`: the time and server memory to refuse a 1 MB office archive whose member inflates to
 * 1 GiB, beside the upload of a normal 10 MB PDF (the baseline), and the server's longest event-loop stall
 * during each, each in a fresh server process.
 */
export async function uploadsSection(rows: Row[]): Promise<void> {
  const pdf = await measureUpload('rapport.pdf', Buffer.concat([PDF_HEAD, Buffer.alloc(10 * 1024 * 1024 - PDF_HEAD.length, 0x20)]));
  const bomb = await measureUpload('tableau.xlsx', officeBomb());
  rows.push([`upload a normal 10 MB PDF (baseline), median of ${RUNS}`, `${pdf.ms.toFixed(0)} ms`, describe(pdf)]);
  rows.push([`refuse a 1 MB office archive inflating to 1 GiB, median of ${RUNS}`, `${bomb.ms.toFixed(0)} ms`, `${describe(bomb)}; ${(bomb.ms / pdf.ms).toFixed(2)}× the PDF's time`]);
}
