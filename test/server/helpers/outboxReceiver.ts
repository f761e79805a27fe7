import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryHandler } from '../../../server/outbox/Delivery.js';

export interface Received {
  deliveryId: string;
  requestId: number;
  seq: number;
  worker: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 that logs each POST it accepts (delivery id, request, sequence number,
 * sending worker), and can go down (the port closes: connections are refused) and come back on the same port.
 */
export class OutboxReceiver {
  readonly log: Received[] = [];
  private server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { requestId: number; seq: number };
        this.log.push({ deliveryId: String(req.headers['x-delivery-id']), requestId: body.requestId, seq: body.seq, worker: String(req.headers['x-worker'] ?? '') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Down: the port closes and open connections are cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  reset(): void {
    this.log.length = 0;
  }

  /** Deliveries seen more than once (at-least-once: the same delivery id again). */
  duplicates(): number {
    return this.log.length - new Set(this.log.map((r) => r.deliveryId)).size;
  }

  /** Requests whose sequence numbers arrived out of order (a repeat of the last one is allowed: at least once). */
  outOfOrder(): number[] {
    const last = new Map<number, number>();
    const wrong = new Set<number>();
    for (const r of this.log) {
      const previous = last.get(r.requestId) ?? -1;
      if (r.seq < previous || r.seq > previous + 1) wrong.add(r.requestId);
      last.set(r.requestId, Math.max(previous, r.seq));
    }
    return [...wrong];
  }
}

/**
 * A handler that POSTs the payload to `url` with the delivery id in a header, as a webhook handler does:
 * 2xx delivered, 4xx refused for good (but 408 and 429), anything else retried. node:http with a keep-alive
 * agent rather than fetch: on a small machine fetch's own cost (about 1 ms a call) hid the outbox's.
 */
export function httpPostHandler(url: string, worker = ''): DeliveryHandler {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (_ctx, n) =>
    new Promise((resolve) => {
      const body = JSON.stringify(n.payload);
      const req = request(url, { method: 'POST', agent, timeout: 5000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-delivery-id': n.deliveryId, 'x-worker': worker } }, (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ ok: true });
          else resolve({ ok: false, error: `HTTP ${status}`, retryable: status >= 500 || status === 408 || status === 429 });
        });
      });
      req.on('timeout', () => req.destroy(new Error('no answer after 5 s')));
      req.on('error', (error) => resolve({ ok: false, error: error.message, retryable: true }));
      req.end(body);
    });
}

export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
