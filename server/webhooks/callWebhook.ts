import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { EXCERPT_LENGTH, plainExcerpt } from './plainExcerpt.js';
import { webhookNetworkPolicyFromEnv, type WebhookNetworkPolicy } from './webhookNetworkPolicy.js';
import { webhookTarget } from './webhookTarget.js';
import { webhookSignature } from './webhookSignature.js';


/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What is read of a response at most (enough for a `token_id`; a receiver cannot make the server read more). */
const READ_LIMIT = 64 * 1024;

export interface CallResult {
  ok: boolean;
  retryable: boolean;
  statusCode?: number;
  durationMs: number;
  responseExcerpt?: string;
  error?: string;
  /** The response's `token_id`, when it is JSON and has one. */
  tokenId?: string;
}

const SUCCESS = new Set([200, 201, 204]);

/**
 * POST `body`'s exact bytes to `url`, signed with `secret` (the contract's `X-Hub-Signature-256`), with the
 * delivery id receivers deduplicate on. With the SSRF guard on, the host is resolved and checked first and the
 * connection goes to the address checked, so a second DNS answer (rebinding) cannot send it elsewhere. Redirects
 * are not followed. Never throws: any answer but 200, 201 and 204, a refused address, a network error or a
 * timeout is a retryable failure.
 */
export async function callWebhook(call: { url: string; secret: string; body: string; deliveryId: string; event: string; timeoutMs?: number; policy?: WebhookNetworkPolicy | undefined }): Promise<CallResult> {
  const bytes = Buffer.from(call.body, 'utf8');
  const timeoutMs = call.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = await webhookTarget(call.url, call.policy ?? webhookNetworkPolicyFromEnv());
  if (!target.ok) return { ok: false, retryable: true, durationMs: elapsed(), error: `Appel refusé : ${target.problem}`.slice(0, EXCERPT_LENGTH) };
  const pinned = target.address;
  const lookup: LookupFunction | undefined = pinned
    ? (_hostname, options, callback) => {
        if (options.all) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [pinned]);
        else callback(null, pinned.address, pinned.family);
      }
    : undefined;
  const url = new URL(call.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  let response: IncomingMessage;
  let text: string;
  try {
    ({ response, text } = await new Promise<{ response: IncomingMessage; text: string }>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          // The whole call, answer included: a receiver that drips its answer is cut too.
          signal: AbortSignal.timeout(timeoutMs),
          ...(lookup ? { lookup } : {}),
          // A fresh connection per call: a kept-alive socket would skip the check of the address.
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': bytes.byteLength,
            'user-agent': 'DataPass-Webhook',
            'x-hub-signature-256': webhookSignature(call.secret, bytes),
            'x-datapass-delivery': call.deliveryId,
            'x-datapass-event': call.event,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size >= READ_LIMIT) return;
            chunks.push(chunk);
            size += chunk.byteLength;
            // Enough read: a receiver cannot make the server read more.
            if (size >= READ_LIMIT) res.destroy();
          });
          res.on('close', () => resolve({ response: res, text: Buffer.concat(chunks).subarray(0, READ_LIMIT).toString('utf8') }));
          res.on('error', (error) => (size >= READ_LIMIT ? undefined : reject(error)));
        },
      );
      req.on('error', reject);
      req.end(bytes);
    }));
  } catch (error) {
    return { ok: false, retryable: true, durationMs: elapsed(), error: describeError(error, timeoutMs) };
  }
  const durationMs = elapsed();
  const status = response.statusCode ?? 0;
  const excerpt = text ? { responseExcerpt: plainExcerpt(text) } : {};
  if (SUCCESS.has(status)) {
    const tokenId = tokenIdOf(text);
    return { ok: true, retryable: false, statusCode: status, durationMs, ...excerpt, ...(tokenId !== undefined ? { tokenId } : {}) };
  }
  // Every other answer is retried, as DataPass does: a receiver rejecting calls (400, 401, 404…) is usually
  // misconfigured for a while, and its events must reach it once it is mended. A redirect is not followed: the
  // signed body goes only where the developers said.
  return { ok: false, retryable: true, statusCode: status, durationMs, ...excerpt, error: `Réponse HTTP ${status}${status >= 300 && status < 400 ? ' (redirection non suivie)' : ''}` };
}

function tokenIdOf(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'token_id' in parsed) {
      const id = (parsed as { token_id: unknown }).token_id;
      if ((typeof id === 'string' && id.length > 0 && id.length <= 255) || typeof id === 'number') return String(id);
    }
  } catch {
    /* not JSON: nothing to store */
  }
  return undefined;
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `Pas de réponse en ${timeoutMs / 1000} s`;
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return plainExcerpt(`Erreur réseau${code ? ` (${code})` : ''} : ${message}`);
}
