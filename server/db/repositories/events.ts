import type { Db } from '../createDatabase.js';
import { fromJson, insertedId, toBool, toIso, toJson } from '../json.js';

export interface RequestEvent {
  id: number;
  requestId: number;
  event: string;
  fromState?: string;
  toState: string;
  actorId?: number;
  actorKind: 'user' | 'system';
  reason?: string;
  createdAt: string;
}

const mapEvent = (row: Record<string, unknown>): RequestEvent => ({
  id: Number(row.id),
  requestId: Number(row.request_id),
  event: String(row.event),
  ...(row.from_state ? { fromState: String(row.from_state) } : {}),
  toState: String(row.to_state),
  ...(row.actor_id ? { actorId: Number(row.actor_id) } : {}),
  actorKind: row.actor_kind === 'system' ? 'system' : 'user',
  ...(row.reason ? { reason: String(row.reason) } : {}),
  createdAt: toIso(row.created_at),
});

/** Append an event: the log is never updated nor deleted. */
export async function insertEvent(db: Db, e: Omit<RequestEvent, 'id'>): Promise<number> {
  const [row] = await db('request_events')
    .insert({ request_id: e.requestId, event: e.event, from_state: e.fromState ?? null, to_state: e.toState, actor_id: e.actorId ?? null, actor_kind: e.actorKind, reason: e.reason ?? null, created_at: e.createdAt })
    .returning('id');
  return insertedId(row);
}

export async function eventsOf(db: Db, requestId: number): Promise<RequestEvent[]> {
  return (await db('request_events').where({ request_id: requestId }).orderBy('id')).map(mapEvent);
}

export interface SubmissionDiff {
  id: number;
  eventId: number;
  first: boolean;
  changes: { pointer: string; before?: unknown; after?: unknown }[];
  createdAt: string;
}

export async function insertSubmissionDiff(db: Db, d: { requestId: number; eventId: number; first: boolean; changes: unknown[]; createdAt: string }): Promise<void> {
  await db('submission_diffs').insert({ request_id: d.requestId, event_id: d.eventId, first: d.first, changes: toJson(d.changes), created_at: d.createdAt });
}

export async function diffsOf(db: Db, requestId: number): Promise<SubmissionDiff[]> {
  return (await db('submission_diffs').where({ request_id: requestId }).orderBy('id')).map((r) => ({
    id: Number(r.id),
    eventId: Number(r.event_id),
    first: toBool(r.first),
    changes: fromJson(r.changes),
    createdAt: toIso(r.created_at),
  }));
}
