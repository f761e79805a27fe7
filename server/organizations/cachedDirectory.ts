import { checkSiret } from './checkSiret.js';
import type { DirectoryAnswer, EstablishmentDirectory } from './Establishment.js';

export interface CacheOptions {
  /** How long a `found` or `not_found` answer is reused. Default 5 minutes. */
  ttlMs?: number;
  /** The most SIRETs kept; the oldest entry goes first. Default 1000. */
  maxEntries?: number;
  /** The clock (tests). Default Date.now. */
  now?: () => number;
}

export interface CachedDirectory extends EstablishmentDirectory {
  /** Forgets every answer. */
  clear(): void;
}

/**
 * Wraps a directory so that repeated lookups of one SIRET within `ttlMs` reach the source once. `found` and
 * `not_found` answers are kept (under the normalized SIRET, so "130 025 265 00013" and "13002526500013" share one
 * entry); `unavailable` answers are not, so the next lookup tries again. Concurrent lookups of one SIRET share one
 * request.
 */
export function cachedDirectory(inner: EstablishmentDirectory, options: CacheOptions = {}): CachedDirectory {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { answer: DirectoryAnswer; expiresAt: number }>();
  const pending = new Map<string, Promise<DirectoryAnswer>>();

  async function lookup(input: string): Promise<DirectoryAnswer> {
    const check = checkSiret(input);
    const key = check.ok ? check.siret : input;
    const entry = entries.get(key);
    if (entry !== undefined) {
      if (entry.expiresAt > now()) return entry.answer;
      entries.delete(key);
    }
    const inFlight = pending.get(key);
    if (inFlight !== undefined) return inFlight;

    const request = inner
      .lookup(input)
      .catch((error: unknown): DirectoryAnswer => ({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) }))
      .then((answer) => {
        if (answer.kind !== 'unavailable' && ttlMs > 0) {
          entries.delete(key);
          entries.set(key, { answer, expiresAt: now() + ttlMs });
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        }
        return answer;
      })
      .finally(() => pending.delete(key));
    pending.set(key, request);
    return request;
  }

  return { lookup, clear: () => entries.clear() };
}
