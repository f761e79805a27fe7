import type { AppContext } from '../AppContext.js';
import { findApiClientByClientId, findApiToken, insertApiToken, type StoredApiClient } from '../db/repositories/apiClients.js';
import { ACCESS_TOKEN_SECONDS, hashSecret, matchesHash, newAccessToken } from './credentials.js';

/** The client these credentials name, when the secret is right and the client not revoked. */
export async function authenticateClient(ctx: AppContext, clientId: string, secret: string): Promise<StoredApiClient | undefined> {
  const client = clientId.length <= 64 ? await findApiClientByClientId(ctx.reads, clientId) : undefined;
  // The hash is computed even for an unknown client, so that timing does not tell which client ids exist.
  const matches = matchesHash(secret, client?.secretHash ?? '0'.repeat(64));
  return client && matches && !client.revokedAt ? client : undefined;
}

/** A new access token for `client`, stored hashed. */
export async function issueAccessToken(ctx: AppContext, client: StoredApiClient): Promise<{ accessToken: string; expiresIn: number }> {
  const accessToken = newAccessToken();
  const now = ctx.clock.now();
  await insertApiToken(ctx.db, {
    tokenHash: hashSecret(accessToken),
    clientId: client.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000).toISOString(),
  });
  return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS };
}

/** The client an access token stands for: undefined when unknown, expired or its client revoked. */
export async function clientOfToken(ctx: AppContext, accessToken: string): Promise<StoredApiClient | undefined> {
  if (accessToken.length > 200) return undefined;
  const found = await findApiToken(ctx.reads, hashSecret(accessToken));
  if (!found || found.client.revokedAt) return undefined;
  if (Date.parse(found.expiresAt) <= ctx.clock.now().getTime()) return undefined;
  return found.client;
}
