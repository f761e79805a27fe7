import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { ApiClient } from './testApp.js';

/** One part of a hand-made multipart body: a text field, or a file when `filename` is set. */
export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
}

export const BOUNDARY = '----datapass-test-boundary';

/** A multipart/form-data body written byte by byte, so a test can also send it broken. */
export function multipartBody(parts: readonly Part[], { close = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const type = p.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : '';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
  /** Bytes of the body the client had written when the answer's head arrived. */
  sentWhenAnswered: number;
}

/**
 * POST a body to `path` as `client`, over a raw HTTP connection: `chunks` are written one by one `delayMs`
 * apart (a slow client), and the answer is read while the body is still being sent.
 */
export function rawPost(client: ApiClient, path: string, headers: Record<string, string>, chunks: readonly Buffer[], delayMs = 0): Promise<RawAnswer> {
  const url = new URL(client.baseUrl + path);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { cookie: client.cookieHeader, 'x-csrf-token': client.csrfToken, accept: 'application/json', ...headers } }, (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      const body: Buffer[] = [];
      res.on('data', (c: Buffer) => body.push(c));
      res.on('end', () => {
        const text = Buffer.concat(body).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, sentWhenAnswered });
      });
    });
    // The server closing the connection while the body is being written is what these tests expect.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const write = async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        req.write(chunk);
        sent += chunk.length;
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      }
      if (!answered && !req.destroyed) req.end();
    };
    void write();
  });
}
