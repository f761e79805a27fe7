import type { Db } from '../createDatabase.js';
import { isPostgres } from '../createDatabase.js';
import { fromJson, insertedId, toBool, toIso, toJson } from '../json.js';

export interface StoredRequest {
  id: number;
  /** `D<id>`, the identifier people see. */
  publicId: string;
  definitionId: string;
  /** The hash of the definition the request was created with. */
  definitionVersion: string;
  useCaseId: string;
  state: string;
  data: Record<string, unknown>;
  /** Incremented on every write: a write that names another version is refused (optimistic locking). */
  version: number;
  organizationId: number;
  applicantId: number;
  reopening: boolean;
  lastSubmittedData?: Record<string, unknown>;
  externalProviderId?: string;
  previousRequestId?: number;
  createdAt: string;
  updatedAt: string;
  lastSubmittedAt?: string;
  lastValidatedAt?: string;
}

export const requestPublicId = (id: number | string): string => `D${id}`;

/** `D123`, `d123` or `123` → 123; anything else → undefined. */
export function parseRequestId(value: string): number | undefined {
  const match = /^[Dd]?(\d{1,12})$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

function mapRequest(row: Record<string, unknown>): StoredRequest {
  const lastSubmittedData = fromJson<Record<string, unknown> | null>(row.last_submitted_data);
  return {
    id: Number(row.id),
    publicId: requestPublicId(Number(row.id)),
    definitionId: String(row.definition_id),
    definitionVersion: String(row.definition_version),
    useCaseId: String(row.use_case_id ?? ''),
    state: String(row.state),
    data: fromJson<Record<string, unknown>>(row.data),
    version: Number(row.version),
    organizationId: Number(row.organization_id),
    applicantId: Number(row.applicant_id),
    reopening: toBool(row.reopening),
    ...(lastSubmittedData ? { lastSubmittedData } : {}),
    ...(row.external_provider_id ? { externalProviderId: String(row.external_provider_id) } : {}),
    ...(row.previous_request_id ? { previousRequestId: Number(row.previous_request_id) } : {}),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    ...(row.last_submitted_at ? { lastSubmittedAt: toIso(row.last_submitted_at) } : {}),
    ...(row.last_validated_at ? { lastValidatedAt: toIso(row.last_validated_at) } : {}),
  };
}

/** A request by its id. */
export async function findRequest(db: Db, id: number): Promise<StoredRequest | undefined> {
  const row = await db('requests').where({ id }).first();
  return row ? mapRequest(row) : undefined;
}

export interface RequestWrite {
  state: string;
  data: Record<string, unknown>;
  useCaseId: string;
  organizationId: number;
  applicantId: number;
  reopening: boolean;
  lastSubmittedData?: Record<string, unknown> | undefined;
  updatedAt: string;
  lastSubmittedAt?: string | undefined;
  lastValidatedAt?: string | undefined;
}

const columns = (w: RequestWrite) => ({
  state: w.state,
  data: toJson(w.data),
  use_case_id: w.useCaseId,
  organization_id: w.organizationId,
  applicant_id: w.applicantId,
  reopening: w.reopening,
  last_submitted_data: w.lastSubmittedData ? toJson(w.lastSubmittedData) : null,
  updated_at: w.updatedAt,
  last_submitted_at: w.lastSubmittedAt ?? null,
  last_validated_at: w.lastValidatedAt ?? null,
});

export async function insertRequest(db: Db, w: RequestWrite & { definitionId: string; definitionVersion: string; createdAt: string; previousRequestId?: number }): Promise<number> {
  const [row] = await db('requests')
    .insert({ ...columns(w), definition_id: w.definitionId, definition_version: w.definitionVersion, version: 1, created_at: w.createdAt, previous_request_id: w.previousRequestId ?? null })
    .returning('id');
  return insertedId(row);
}

/** Write the request if it is still at `expectedVersion`; false when another write got there first. */
export async function updateRequest(db: Db, id: number, expectedVersion: number, w: RequestWrite): Promise<boolean> {
  const count = await db('requests').where({ id, version: expectedVersion }).update({ ...columns(w), version: expectedVersion + 1 });
  return count === 1;
}

export interface RequestFilter {
  organizationId?: number;
  /** Only these definitions (an instructor's). */
  definitionIds?: string[];
  state?: string;
  /** Keyset pagination: the requests after this one in the order (most recently updated first). */
  after?: { updatedAt: string; id: number };
  limit?: number;
}

/**
 * Requests, most recently updated first, one page at a time. Pages follow a cursor rather than an offset, so
 * the thousandth page costs what the first does, at a million rows.
 */
export async function listRequests(db: Db, filter: RequestFilter): Promise<StoredRequest[]> {
  let query = db('requests').orderBy('updated_at', 'desc').orderBy('id', 'desc');
  if (filter.organizationId !== undefined) query = query.where('organization_id', filter.organizationId);
  if (filter.definitionIds) query = query.whereIn('definition_id', filter.definitionIds);
  if (filter.state) query = query.where('state', filter.state);
  const after = filter.after;
  if (after) query = query.where((q) => q.where('updated_at', '<', after.updatedAt).orWhere((q2) => q2.where('updated_at', '=', after.updatedAt).andWhere('id', '<', after.id)));
  const rows = await query.limit(Math.min(filter.limit ?? 50, 1000));
  return rows.map(mapRequest);
}

/** The cursor of the page after `last`, opaque to clients. */
export const pageCursor = (last: StoredRequest): string => Buffer.from(`${last.updatedAt}|${last.id}`).toString('base64url');

export function parsePageCursor(cursor: string): RequestFilter['after'] | undefined {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return updatedAt && id && !Number.isNaN(Date.parse(updatedAt)) && /^\d+$/.test(id) ? { updatedAt: new Date(updatedAt).toISOString(), id: Number(id) } : undefined;
}
