import type { Db } from '../createDatabase.js';
import { fromJson, insertedId, toIso, toJson } from '../json.js';
import { parseRowId } from '../rowId.js';

export type AuthorizationState = 'active' | 'obsolete' | 'revoked';

export interface StoredAuthorization {
  id: number;
  /** `H<id>`, the identifier people see. */
  publicId: string;
  requestId: number;
  engineKey: string;
  definitionId: string;
  organizationId: number;
  applicantId: number;
  data: Record<string, unknown>;
  state: AuthorizationState;
  createdAt: string;
  obsoletedAt?: string;
  revokedAt?: string;
}

export const authorizationPublicId = (id: number | string): string => `H${id}`;

export function parseAuthorizationId(value: string): number | undefined {
  const match = /^[Hh]?(\d{1,12})$/.exec(value);
  return match ? parseRowId(match[1]) : undefined;
}

const mapAuthorization = (row: Record<string, unknown>): StoredAuthorization => ({
  id: Number(row.id),
  publicId: authorizationPublicId(Number(row.id)),
  requestId: Number(row.request_id),
  engineKey: String(row.engine_key),
  definitionId: String(row.definition_id),
  organizationId: Number(row.organization_id),
  applicantId: Number(row.applicant_id),
  data: fromJson(row.data),
  state: String(row.state) as AuthorizationState,
  createdAt: toIso(row.created_at),
  ...(row.obsoleted_at ? { obsoletedAt: toIso(row.obsoleted_at) } : {}),
  ...(row.revoked_at ? { revokedAt: toIso(row.revoked_at) } : {}),
});

export async function authorizationsOf(db: Db, requestId: number): Promise<StoredAuthorization[]> {
  return (await db('authorizations').where({ request_id: requestId }).orderBy('id')).map(mapAuthorization);
}

export async function findAuthorization(db: Db, id: number): Promise<StoredAuthorization | undefined> {
  const row = await db('authorizations').where({ id }).first();
  return row ? mapAuthorization(row) : undefined;
}

/**
 * A page of the authorizations of some definitions, newest first, after the one with id `beforeId` (keyset
 * pagination): the provider API's list.
 */
export async function authorizationsPage(
  db: Db,
  filter: { definitionIds: string[]; organizationId?: number; state?: AuthorizationState; beforeId?: number; limit: number },
): Promise<StoredAuthorization[]> {
  if (!filter.definitionIds.length) return [];
  let query = db('authorizations').whereIn('definition_id', filter.definitionIds);
  if (filter.organizationId !== undefined) query = query.where('organization_id', filter.organizationId);
  if (filter.state) query = query.where('state', filter.state);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return (await query.orderBy('id', 'desc').limit(filter.limit)).map(mapAuthorization);
}

/** By the engine's key (`<request id>/<n>`), as the workflow's effects name it. */
export async function findAuthorizationByKey(db: Db, engineKey: string): Promise<StoredAuthorization | undefined> {
  const row = await db('authorizations').where({ engine_key: engineKey }).first();
  return row ? mapAuthorization(row) : undefined;
}

export async function insertAuthorization(db: Db, a: Omit<StoredAuthorization, 'id' | 'publicId' | 'state' | 'obsoletedAt' | 'revokedAt'>): Promise<number> {
  const [row] = await db('authorizations')
    .insert({ request_id: a.requestId, engine_key: a.engineKey, definition_id: a.definitionId, organization_id: a.organizationId, applicant_id: a.applicantId, data: toJson(a.data), state: 'active', created_at: a.createdAt })
    .returning('id');
  return insertedId(row);
}

/** active → obsolete or revoked; an authorization never comes back to active. */
export async function endAuthorization(db: Db, engineKey: string, state: 'obsolete' | 'revoked', at: string): Promise<number> {
  return db('authorizations')
    .where({ engine_key: engineKey, state: 'active' })
    .update({ state, ...(state === 'obsolete' ? { obsoleted_at: at } : { revoked_at: at }) });
}

export async function listAuthorizations(db: Db, filter: { organizationId?: number; definitionIds?: string[] }): Promise<StoredAuthorization[]> {
  let query = db('authorizations').orderBy('id', 'desc');
  if (filter.organizationId !== undefined) query = query.where('organization_id', filter.organizationId);
  if (filter.definitionIds) query = query.whereIn('definition_id', filter.definitionIds);
  return (await query.limit(1000)).map(mapAuthorization);
}
