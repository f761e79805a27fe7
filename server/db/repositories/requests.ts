import type { Knex } from 'knex';
import type { Db } from '../createDatabase.js';
import { isPostgres } from '../createDatabase.js';
import { fromJson, insertedId, toBool, toIso, toJson } from '../json.js';
import { parisDayStart } from './parisDay.js';
import { parseTextSearch, searchCondition, type Restriction } from './searchCondition.js';
import { parseRowId } from '../rowId.js';

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
  return match ? parseRowId(match[1]) : undefined;
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
  /** Free text: every word must be in the request's data, organisation, applicant or identifiers (see searchCondition.ts). */
  q?: string;
  /** Created on or after this day (`YYYY-MM-DD`, Paris time). */
  createdFrom?: string;
  /** Created on or before this day (`YYYY-MM-DD`, Paris time). */
  createdTo?: string;
  reopening?: boolean;
  /** Keyset pagination: the requests after this one in the order (most recently updated first). */
  after?: { updatedAt: string; id: number };
  limit?: number;
}

/**
 * The requests `filter` selects, but its text, state and page; undefined when it selects none. For a page,
 * SQLite is kept from ranging over the creation date and sorting what it finds (`+created_at`: a whole
 * definition when the period is wide): it walks the update order instead, whose indexes hold the creation date,
 * which bounds a page by one index's length. PostgreSQL's histograms choose well by themselves.
 */
function filtered(db: Db, filter: RequestFilter, purpose: 'page' | 'count'): Knex.QueryBuilder | undefined {
  if (filter.definitionIds?.length === 0) return undefined;
  let query = db('requests');
  if (filter.organizationId !== undefined) query = query.where('requests.organization_id', filter.organizationId);
  if (filter.definitionIds) query = filter.definitionIds.length === 1 ? query.where('requests.definition_id', filter.definitionIds[0]!) : query.whereIn('requests.definition_id', filter.definitionIds);
  const createdAt = db.raw(purpose === 'page' && !isPostgres(db) ? '+requests.created_at' : 'requests.created_at');
  if (filter.createdFrom) query = query.where(createdAt, '>=', parisDayStart(filter.createdFrom));
  if (filter.createdTo) query = query.where(createdAt, '<', parisDayStart(filter.createdTo, 1));
  // A literal rather than a parameter, so that SQLite sees it imply the partial index on reopenings.
  if (filter.reopening !== undefined) query = query.whereRaw(`requests.reopening = ${isPostgres(db) ? String(filter.reopening) : Number(filter.reopening)}`);
  return query;
}

/** The page of `filter` (state and cursor included) under a restriction, in the list's order. */
function page(db: Db, filter: RequestFilter, limit: number, restriction?: Restriction): Knex.QueryBuilder | undefined {
  let query = filtered(db, filter, 'page');
  if (!query) return undefined;
  if (restriction) query = restriction.apply(query, 'page');
  if (filter.state) query = query.where('requests.state', filter.state);
  // A row value, one range on the index: spelt as `a < x or (a = x and b < y)`, it tempts SQLite into reading
  // two indexes and sorting their union.
  if (filter.after) query = query.whereRaw('(requests.updated_at, requests.id) < (?, ?)', [filter.after.updatedAt, filter.after.id]);
  query = query.select('requests.*');
  // A few ids are read by id, then sorted. PostgreSQL would rather walk the list's order filtering on them,
  // which reads a whole index when they are old ones: a materialized CTE is planned on its own.
  if (restriction?.few) query = db.withMaterialized('few', query).select('*').from({ requests: 'few' });
  return query.orderBy('requests.updated_at', 'desc').orderBy('requests.id', 'desc').limit(limit);
}

/** How many of the newest requests of the filters a word search checks before looking its words up in the index. */
const RECENT = (limit: number) => Math.max(2000, limit * 20);

/**
 * Requests, most recently updated first, one page at a time. Pages follow a cursor rather than an offset, so
 * the thousandth page costs what the first does, at a million rows; a text search keeps that property: words
 * that many requests hold are found among the newest requests of the filters, and the others through the
 * full-text index (see searchCondition.ts).
 */
export async function listRequests(db: Db, filter: RequestFilter): Promise<StoredRequest[]> {
  const limit = Math.min(filter.limit ?? 50, 1000);
  const search = searchCondition(db, parseTextSearch(filter.q), filter);
  if (search?.kind === 'nothing') return [];
  if (search?.kind === 'restriction') return ((await page(db, filter, limit, search)) ?? []).map(mapRequest);
  if (!search) return ((await page(db, filter, limit)) ?? []).map(mapRequest);
  const recent = page(db, filter, RECENT(limit));
  if (!recent) return [];
  // The first matches among the newest requests are the first matches of all: a full page of them is the page.
  const found: Record<string, unknown>[] = await search.check(db.select('*').from(recent.as('requests'))).orderBy('requests.updated_at', 'desc').orderBy('requests.id', 'desc').limit(limit);
  if (found.length === limit) return found.map(mapRequest);
  const narrowed = await search.narrow();
  if (narrowed.kind === 'nothing') return [];
  return ((await page(db, filter, limit, narrowed)) ?? []).map(mapRequest);
}

/** How many requests `filter` selects in each state (its own state, page and limit ignored). */
export async function countRequestsByState(db: Db, filter: Omit<RequestFilter, 'state' | 'after' | 'limit'>): Promise<Record<string, number>> {
  let query = filtered(db, filter, 'count');
  if (!query) return {};
  const search = searchCondition(db, parseTextSearch(filter.q), filter);
  const restriction = search?.kind === 'words' ? await search.narrow() : search;
  if (restriction?.kind === 'nothing') return {};
  if (restriction) query = restriction.apply(query, 'count');
  const rows: { state: string; n: number | string }[] = await query.select('requests.state').count({ n: '*' }).groupBy('requests.state').orderBy('requests.state');
  return Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
}

/** The cursor of the page after `last`, opaque to clients. */
export const pageCursor = (last: StoredRequest): string => Buffer.from(`${last.updatedAt}|${last.id}`).toString('base64url');

export function parsePageCursor(cursor: string): RequestFilter['after'] | undefined {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return updatedAt && id && !Number.isNaN(Date.parse(updatedAt)) && /^\d+$/.test(id) ? { updatedAt: new Date(updatedAt).toISOString(), id: Number(id) } : undefined;
}
