import { webhookSignature } from './webhookSignature.js';

/** How long a receiver has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What the attempts log keeps of a response. */
export const EXCERPT_LENGTH = 1000;
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
 * delivery id receivers deduplicate on. Never throws: any answer but 200, 201 and 204, a network error or a
 * timeout is a retryable failure.
 */
export async function callWebhook(call: { url: string; secret: string; body: string; deliveryId: string; event: string; timeoutMs?: number }): Promise<CallResult> {
  const bytes = Buffer.from(call.body, 'utf8');
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      // A redirect is not followed: the signed body goes only where the developers said.
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'DataPass-Webhook',
        'x-hub-signature-256': webhookSignature(call.secret, bytes),
        'x-datapass-delivery': call.deliveryId,
        'x-datapass-event': call.event,
      },
      body: bytes,
    });
  } catch (error) {
    return { ok: false, retryable: true, durationMs: elapsed(), error: describeFetchError(error, call.timeoutMs ?? WEBHOOK_TIMEOUT_MS) };
  }
  let text = '';
  try {
    text = await readLimited(response);
  } catch (error) {
    return { ok: false, retryable: true, statusCode: response.status, durationMs: elapsed(), error: `Réponse interrompue : ${describeFetchError(error, call.timeoutMs ?? WEBHOOK_TIMEOUT_MS)}` };
  }
  const durationMs = elapsed();
  const excerpt = text ? { responseExcerpt: text.slice(0, EXCERPT_LENGTH) } : {};
  if (SUCCESS.has(response.status)) {
    const tokenId = tokenIdOf(text);
    return { ok: true, retryable: false, statusCode: response.status, durationMs, ...excerpt, ...(tokenId !== undefined ? { tokenId } : {}) };
  }
  // Every other answer is retried, as DataPass does: a receiver rejecting calls (400, 401, 404…) is usually
  // misconfigured for a while, and its events must reach it once it is mended.
  return { ok: false, retryable: true, statusCode: response.status, durationMs, ...excerpt, error: `Réponse HTTP ${response.status}` };
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= READ_LIMIT) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, READ_LIMIT).toString('utf8');
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

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `Pas de réponse en ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Erreur réseau${code ? ` (${code})` : ''} : ${message}`.slice(0, EXCERPT_LENGTH);
}
