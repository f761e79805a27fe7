/**
 * The establishment directory backed by the public "Recherche d'entreprises" API
 * (`GET https://recherche-entreprises.api.gouv.fr/search?q=<siret>`, no key; at most 7 requests per second per IP,
 * beyond which it answers 429 with `Retry-After`). Never throws: every failure is an `unavailable` answer.
 */
import { checkSiret } from './checkSiret.js';
import type { DirectoryAnswer, EstablishmentDirectory } from './Establishment.js';
import { mapSearchResponse } from './rechercheEntreprisesFormat.js';

export const RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr';

export interface RechercheEntreprisesOptions {
  /** The API's root (a path prefix is kept): `<baseUrl>/search?q=<siret>`. */
  baseUrl?: string;
  /** The whole exchange (headers and body) must finish within this time. Default 5000 ms. */
  timeoutMs?: number;
  /** The fetch implementation (tests, proxies). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Sent as User-Agent, as the API asks its users to. */
  userAgent?: string;
}

/** The search URL for a SIRET. */
export function searchUrl(baseUrl: string, siret: string): URL {
  const url = new URL('search', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('q', siret);
  return url;
}

export function createRechercheEntreprisesDirectory(options: RechercheEntreprisesOptions = {}): EstablishmentDirectory {
  const baseUrl = options.baseUrl ?? RECHERCHE_ENTREPRISES_URL;
  const timeoutMs = options.timeoutMs ?? 5000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const userAgent = options.userAgent ?? 'DataPass (habilitations; organisation lookup)';

  async function lookup(input: string): Promise<DirectoryAnswer> {
    const check = checkSiret(input);
    if (!check.ok) return { kind: 'not_found' };
    const siret = check.siret;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchImpl(searchUrl(baseUrl, siret), {
        headers: { accept: 'application/json', 'user-agent': userAgent },
        signal: controller.signal,
      });
      if (response.status === 429) {
        await response.body?.cancel().catch(() => undefined);
        const retryAfter = response.headers.get('retry-after');
        return { kind: 'unavailable', reason: retryAfter ? `rate limited (Retry-After: ${retryAfter})` : 'rate limited' };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'unavailable', reason: `HTTP ${response.status}` };
      }
      const raw = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return { kind: 'unavailable', reason: 'malformed JSON' };
      }
      return mapSearchResponse(body, siret);
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'unavailable', reason: `timeout after ${timeoutMs} ms` };
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { kind: 'unavailable', reason: `network error: ${error instanceof Error ? error.message : String(error)}${cause}` };
    } finally {
      clearTimeout(timer);
    }
  }

  return { lookup };
}
