import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  raw: Buffer;
  headers: IncomingHttpHeaders;
  /** The status it was answered. */
  status: number;
}

/**
 * A provider's webhook receiver on 127.0.0.1: keeps every call and the status it answered. It answers the
 * statuses of `script` one after the other, then `answer`.
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  script: number[] = [];
  answer: { status: number; body?: string; contentType?: string; headers?: Record<string, string> } = { status: 200 };
  url = '';
  private server: Server | undefined;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.script.shift() ?? this.answer.status;
        this.calls.push({ raw: Buffer.concat(chunks), headers: req.headers, status });
        res.writeHead(status, { 'content-type': this.answer.contentType ?? 'application/json', ...this.answer.headers });
        res.end(this.answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/datapass/webhook`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The calls it accepted (2xx), not the tests: what the provider's system took in. */
  accepted(): { deliveryId: string; event: string; requestId: number }[] {
    return this.calls
      .filter((c) => c.status >= 200 && c.status < 300 && c.headers['x-datapass-event'] !== 'test')
      .map((c) => {
        const body = JSON.parse(c.raw.toString('utf8')) as { event: string; model_id: number };
        assert.equal(c.headers['x-datapass-event'], body.event);
        return { deliveryId: String(c.headers['x-datapass-delivery']), event: body.event, requestId: body.model_id };
      });
  }
}
