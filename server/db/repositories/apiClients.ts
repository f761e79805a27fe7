import type { Db } from '../createDatabase.js';
import { insertedId, toIso } from '../json.js';

/** An OAuth2 client of the provider API: it reads and corrects the requests of one definition. */
export interface StoredApiClient {
  id: number;
  definitionId: string;
  name: string;
  /** The public identifier sent with the secret to the token endpoint. */
  clientId: string;
  secretHash: string;
  createdBy?: number;
  createdAt: string;
  revokedBy?: number;
  revokedAt?: string;
}

const mapClient = (row: Record<string, unknown>): StoredApiClient => ({
  id: Number(row.id),
  definitionId: String(row.definition_id),
  name: String(row.name),
  clientId: String(row.client_id),
  secretHash: String(row.secret_hash),
  ...(row.created_by ? { createdBy: Number(row.created_by) } : {}),
  createdAt: toIso(row.created_at),
  ...(row.revoked_by ? { revokedBy: Number(row.revoked_by) } : {}),
  ...(row.revoked_at ? { revokedAt: toIso(row.revoked_at) } : {}),
});

export async function insertApiClient(db: Db, c: { definitionId: string; name: string; clientId: string; secretHash: string; createdBy: number; createdAt: string }): Promise<number> {
  const [row] = await db('api_clients')
    .insert({ definition_id: c.definitionId, name: c.name, client_id: c.clientId, secret_hash: c.secretHash, created_by: c.createdBy, created_at: c.createdAt })
    .returning('id');
  return insertedId(row);
}

/** The clients of a definition, revoked ones included, newest first. */
export async function apiClientsOf(db: Db, definitionId: string): Promise<StoredApiClient[]> {
  return (await db('api_clients').where({ definition_id: definitionId }).orderBy('id', 'desc')).map(mapClient);
}

export async function findApiClient(db: Db, id: number): Promise<StoredApiClient | undefined> {
  const row = await db('api_clients').where({ id }).first();
  return row ? mapClient(row) : undefined;
}

export async function findApiClientByClientId(db: Db, clientId: string): Promise<StoredApiClient | undefined> {
  const row = await db('api_clients').where({ client_id: clientId }).first();
  return row ? mapClient(row) : undefined;
}

/** Revoke a client and drop its tokens; false when it was already revoked. */
export async function revokeApiClient(db: Db, id: number, by: number, at: string): Promise<boolean> {
  const count = await db('api_clients').where({ id }).whereNull('revoked_at').update({ revoked_by: by, revoked_at: at });
  await db('api_tokens').where({ client_id: id }).delete();
  return count === 1;
}

/** Store an access token's hash; the client's expired tokens are dropped on the way, so they do not pile up. */
export async function insertApiToken(db: Db, t: { tokenHash: string; clientId: number; expiresAt: string; createdAt: string }): Promise<void> {
  await db('api_tokens').where({ client_id: t.clientId }).where('expires_at', '<=', t.createdAt).delete();
  await db('api_tokens').insert({ token_hash: t.tokenHash, client_id: t.clientId, expires_at: t.expiresAt, created_at: t.createdAt });
}

/** An access token by its hash, with its client (revoked or not: the caller decides). */
export async function findApiToken(db: Db, tokenHash: string): Promise<{ expiresAt: string; client: StoredApiClient } | undefined> {
  const row = await db('api_tokens')
    .join('api_clients', 'api_clients.id', 'api_tokens.client_id')
    .where('api_tokens.token_hash', tokenHash)
    .select('api_clients.*', { token_expires_at: 'api_tokens.expires_at' })
    .first();
  return row ? { expiresAt: toIso(row.token_expires_at), client: mapClient(row) } : undefined;
}
