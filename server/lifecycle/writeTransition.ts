import { inheritedData, type Definition, type Effect, type RequestSnapshot } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import { indexRequest, searchSourcesChanged } from '../db/repositories/requestSearch.js';
import { findRequest, updateRequest, type RequestWrite, type StoredRequest } from '../db/repositories/requests.js';
import { carryOutEffects } from './carryOutEffects.js';
import { requestWrite } from './requestSnapshot.js';

/** A production request's next snapshot with the steps carried over from its sandbox as the provider approved them there. */
export async function withInheritedSteps(ctx: AppContext, definition: Definition, row: StoredRequest, next: RequestSnapshot): Promise<RequestSnapshot> {
  if (row.previousRequestId === undefined || !definition.steps.some((s) => s.inherited)) return next;
  const previous = await findRequest(ctx.reads, row.previousRequestId);
  return previous ? { ...next, data: { ...next.data, ...inheritedData(definition, previous.data) } } : next;
}

/**
 * Store an engine transition computed from `row`, in one short transaction, only if the request is still at
 * the version read (`UPDATE … WHERE version = ?`), with every effect and the search document. Returns what
 * was written, or undefined when someone changed the request meanwhile (nothing is stored then).
 */
export async function writeTransition(ctx: AppContext, row: StoredRequest, next: RequestSnapshot, effects: readonly Effect[]): Promise<RequestWrite | undefined> {
  const write = requestWrite(next);
  const stored = await ctx.db.transaction(async (tx) => {
    if (!(await updateRequest(tx, row.id, row.version, write))) return false;
    await carryOutEffects(tx, ctx, row.id, next, effects);
    if (searchSourcesChanged(row, write) || effects.some((e) => e.type === 'freeze_authorization')) await indexRequest(tx, row.id);
    return true;
  });
  return stored ? write : undefined;
}
