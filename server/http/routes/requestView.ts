import { allowedEvents, type Definition, type RequestSnapshot } from '../../../engine/index.js';
import type { AppContext, Caller } from '../../AppContext.js';
import type { StoredRequest } from '../../db/repositories/requests.js';
import { actorOf, requestSnapshot } from '../../lifecycle/requestSnapshot.js';
import { requestTitle } from '../pages/requestHeadView.js';

/** A request as the API shows it, with the events the caller may fire on it now. */
export async function requestView(ctx: AppContext, caller: Caller, definition: Definition, row: StoredRequest & { snapshot?: RequestSnapshot }) {
  // After an event, the engine's snapshot is already at hand: no need to read the events and authorizations again.
  const snapshot = row.snapshot ?? (await requestSnapshot(ctx.reads, row));
  return {
    id: row.publicId,
    definitionId: row.definitionId,
    definitionVersion: row.definitionVersion,
    useCaseId: row.useCaseId,
    state: row.state,
    stateLabel: definition.workflow.states[row.state]?.label ?? row.state,
    data: row.data,
    version: row.version,
    organizationId: row.organizationId,
    applicantId: row.applicantId,
    reopening: row.reopening,
    ...(row.previousRequestId !== undefined ? { previousRequestId: `D${row.previousRequestId}` } : {}),
    ...(row.externalProviderId ? { externalProviderId: row.externalProviderId } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastSubmittedAt: row.lastSubmittedAt ?? null,
    lastValidatedAt: row.lastValidatedAt ?? null,
    authorizations: snapshot.authorizations.map((a) => ({ key: a.id, state: a.state, createdAt: a.createdAt })),
    allowedEvents: allowedEvents(definition, snapshot, actorOf(caller), ctx.clock.now()).map((e) => ({ event: e.event, label: e.label, reason: e.reason })),
  };
}

/** A request in a list: what a dashboard or the instruction desk shows, without its data. */
export function requestSummary(ctx: AppContext, row: StoredRequest) {
  const definition = ctx.registry.definitions.get(row.definitionId);
  return {
    id: row.publicId,
    definitionId: row.definitionId,
    definitionName: definition?.meta.name ?? row.definitionId,
    useCaseId: row.useCaseId,
    state: row.state,
    stateLabel: definition?.workflow.states[row.state]?.label ?? row.state,
    title: requestTitle(row),
    version: row.version,
    organizationId: row.organizationId,
    applicantId: row.applicantId,
    reopening: row.reopening,
    ...(row.previousRequestId !== undefined ? { previousRequestId: `D${row.previousRequestId}` } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastSubmittedAt: row.lastSubmittedAt ?? null,
  };
}
