import type { Actor, RequestSnapshot } from '../../engine/index.js';
import type { Caller } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { authorizationsOf } from '../db/repositories/authorizations.js';
import { eventsOf } from '../db/repositories/events.js';
import type { RequestWrite, StoredRequest } from '../db/repositories/requests.js';

/** The engine's view of a stored request: its authorizations and the events already recorded. */
export async function requestSnapshot(db: Db, row: StoredRequest): Promise<RequestSnapshot> {
  const [authorizations, events] = await Promise.all([authorizationsOf(db, row.id), eventsOf(db, row.id)]);
  return {
    id: String(row.id),
    definitionId: row.definitionId,
    useCaseId: row.useCaseId,
    state: row.state,
    data: row.data,
    organizationId: String(row.organizationId),
    applicantId: String(row.applicantId),
    reopening: row.reopening,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.lastSubmittedAt ? { lastSubmittedAt: row.lastSubmittedAt } : {}),
    ...(row.lastValidatedAt ? { lastValidatedAt: row.lastValidatedAt } : {}),
    ...(row.lastSubmittedData ? { lastSubmittedData: row.lastSubmittedData } : {}),
    authorizations: authorizations.map((a) => ({ id: a.engineKey, state: a.state, data: a.data, createdAt: a.createdAt })),
    history: events.map((e) => ({ event: e.event, actorId: e.actorId === undefined ? 'system' : String(e.actorId), at: e.createdAt })),
  };
}

/** The columns to write for the engine's next snapshot. */
export function requestWrite(next: RequestSnapshot): RequestWrite {
  return {
    state: next.state,
    data: next.data,
    useCaseId: next.useCaseId,
    organizationId: Number(next.organizationId),
    applicantId: Number(next.applicantId),
    reopening: next.reopening,
    lastSubmittedData: next.lastSubmittedData,
    updatedAt: next.updatedAt ?? next.createdAt,
    lastSubmittedAt: next.lastSubmittedAt,
    lastValidatedAt: next.lastValidatedAt,
  };
}

/** The engine's actor for a caller. */
export function actorOf(caller: Caller): Actor {
  return { kind: 'user', id: String(caller.userId), roles: caller.roles, ...(caller.organizationId !== undefined ? { organizationId: String(caller.organizationId) } : {}) };
}
