import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawHttpAnswer {
  /** Undefined when no answer came: the connection failed, or the server still waits for bytes (`waitMs`). */
  status: number | undefined;
  headers: IncomingHttpHeaders;
  body: string;
  /** Why there is no status. */
  error?: string;
}

export interface RawHttpRequest {
  method: string;
  /** Sent as is: no encoding, no checking beyond what node's client refuses outright. */
  path: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** How long to wait for an answer before giving up on it. */
  waitMs: number;
}

/**
 * One request with exactly the given bytes and headers, a `content-length` that lies included, which
 * `fetch` refuses to send; then the answer. The connection is closed after it, so that bytes beyond a
 * short `content-length` cannot be read as a second request on it.
 */
export function rawHttpRequest(baseUrl: string, r: RawHttpRequest): Promise<RawHttpAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: RawHttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      resolve(answer);
    };
    const outgoing = request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers: { connection: 'close', ...r.headers }, agent: false });
    const timer = setTimeout(() => settle({ status: undefined, headers: {}, body: '', error: `no answer within ${r.waitMs} ms` }), r.waitMs);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => settle({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', () => settle({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer and close before the whole body is sent (a 413): the answer, if any, is what counts.
    outgoing.on('error', (error) => setTimeout(() => settle({ status: undefined, headers: {}, body: '', error: error.message }), 50));
    if (r.body.length) outgoing.write(r.body);
    outgoing.end();
  });
}
