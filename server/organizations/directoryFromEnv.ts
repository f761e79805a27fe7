/**
 * Chooses the establishment directory from the environment:
 *
 * - `ORGANIZATION_DIRECTORY`: `offline` (default) answers from the bundled dataset (offlineEstablishments.json,
 *   SIRETs in demoOrganizations.ts), with no network; `api` asks the public "Recherche d'entreprises" API.
 * - `RECHERCHE_ENTREPRISES_URL` (api only): the API's root, default https://recherche-entreprises.api.gouv.fr.
 * - `RECHERCHE_ENTREPRISES_TIMEOUT_MS` (api only): the time allowed to one lookup, default 5000.
 * - `ORGANIZATION_DIRECTORY_CACHE_TTL_MS` (api only): how long an answer is reused, default 300000 (5 minutes);
 *   0 turns the cache off.
 *
 * A value it cannot read is a configuration error: it throws at startup rather than guess.
 */
import { cachedDirectory } from './cachedDirectory.js';
import type { EstablishmentDirectory } from './Establishment.js';
import { createOfflineDirectory } from './offlineDirectory.js';
import { createRechercheEntreprisesDirectory, RECHERCHE_ENTREPRISES_URL } from './rechercheEntreprisesDirectory.js';

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number of milliseconds, got "${raw}"`);
  return Number(raw);
}

export function directoryFromEnv(env: NodeJS.ProcessEnv = process.env): EstablishmentDirectory {
  const kind = env.ORGANIZATION_DIRECTORY?.trim().toLowerCase() || 'offline';
  if (kind === 'offline') return createOfflineDirectory();
  if (kind !== 'api') throw new Error(`ORGANIZATION_DIRECTORY must be "api" or "offline", got "${env.ORGANIZATION_DIRECTORY}"`);

  const baseUrl = env.RECHERCHE_ENTREPRISES_URL?.trim() || RECHERCHE_ENTREPRISES_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(`RECHERCHE_ENTREPRISES_URL must be an absolute URL, got "${baseUrl}"`);
  }
  const api = createRechercheEntreprisesDirectory({ baseUrl, timeoutMs: whole(env, 'RECHERCHE_ENTREPRISES_TIMEOUT_MS', 5000) });
  const ttlMs = whole(env, 'ORGANIZATION_DIRECTORY_CACHE_TTL_MS', 5 * 60_000);
  return ttlMs > 0 ? cachedDirectory(api, { ttlMs }) : api;
}
