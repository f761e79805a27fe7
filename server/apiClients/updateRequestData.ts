import { transition, type Actor, type Definition, type Issue, type Workflow } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import type { StoredApiClient } from '../db/repositories/apiClients.js';
import { findRequest, type StoredRequest } from '../db/repositories/requests.js';
import { refuseForeignDocuments } from '../documents/refuseForeignDocuments.js';
import { HttpError } from '../http/HttpError.js';
import { checkRequestDataBounds } from '../http/requestDataBounds.js';
import { loadedDefinition } from '../lifecycle/loadedDefinition.js';
import { requestSnapshot } from '../lifecycle/requestSnapshot.js';
import { withInheritedSteps, writeTransition } from '../lifecycle/writeTransition.js';

/** The engine's actor for an API client: the platform's `system` actor, named after the client. */
export const apiClientActor = (client: StoredApiClient): Actor => ({ kind: 'system', id: `api-client:${client.clientId}`, roles: [] });

const UPDATE = 'update';
const widened = new WeakMap<Definition, Definition>();

/**
 * The definition as the provider API fires `update` on it: the same workflow, with `system` among the actors
 * of `update` wherever the workflow has it. Why: the standard workflow reserves `update` to the applicant,
 * and a provider correcting a request's data is not its applicant (it must not be recorded as one, nor gain
 * the applicant's other events). So the API client fires the workflow's own `update` (its states, guards and
 * effects: data stored, validated as a save, the event recorded as `system`, the webhook queued) and nothing else.
 */
function withSystemUpdate(definition: Definition): Definition {
  let found = widened.get(definition);
  if (found) return found;
  const add = (actors: string[] | undefined) => (actors && !actors.includes('system') ? [...actors, 'system'] : actors);
  const event = definition.workflow.events[UPDATE] as Workflow['events'][string] | undefined;
  const states = Object.fromEntries(
    Object.entries(definition.workflow.states).map(([name, state]) => {
      const branches = state.on[UPDATE];
      return [name, branches ? { ...state, on: { ...state.on, [UPDATE]: branches.map((b) => (b.actors ? { ...b, actors: add(b.actors)! } : b)) } } : state];
    }),
  );
  found = { ...definition, workflow: { ...definition.workflow, states, events: event ? { ...definition.workflow.events, [UPDATE]: { ...event, actors: add(event.actors)! } } : definition.workflow.events } };
  widened.set(definition, found);
  return found;
}

/** The HTTP status of an `update` the engine refuses. */
const statusOf = (issues: readonly Issue[]): number => (issues.some((i) => i.code === 'EVENT_FORBIDDEN') ? 403 : issues.some((i) => i.code === 'EVENT_NOT_ALLOWED_IN_STATE') ? 409 : 422);

const conflict = (row: StoredRequest, version: number) =>
  HttpError.of(
    409,
    'VERSION_CONFLICT',
    'The request changed meanwhile',
    `La demande ${row.publicId} a été modifiée entre-temps (version ${version} envoyée, elle est à la version ${row.version}). Relisez-la avant de la modifier.`,
    '/version',
  );

/** The states of `definition` where the data may change, by label. */
const editableStates = (definition: Definition) =>
  Object.values(definition.workflow.states)
    .filter((s) => !s.final && (s.on[UPDATE]?.length ?? 0) > 0)
    .map((s) => `« ${s.label} »`);

/**
 * Replace the data of a request as an API client: only the data, validated as a save, at the version the
 * client read (optimistic locking), in the states where the workflow lets the data change. Issues on the
 * data point into the request body (`/data/...`).
 */
export async function updateRequestData(ctx: AppContext, client: StoredApiClient, row: StoredRequest, data: Record<string, unknown>, version: unknown): Promise<StoredRequest> {
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw HttpError.of(428, 'VERSION_REQUIRED', 'Version required', 'Indiquez la version de la demande que vous avez lue (champ « version »), pour ne pas écraser une modification plus récente.', '/version');
  }
  if (row.version !== version) throw conflict(row, version);
  checkRequestDataBounds(data);
  const definition = loadedDefinition(ctx, row.definitionId);
  const state = definition.workflow.states[row.state];
  if (!state || state.final || !(state.on[UPDATE]?.length ?? 0)) {
    const editable = editableStates(definition);
    throw HttpError.of(
      409,
      'REQUEST_NOT_EDITABLE',
      'The request cannot be changed in its state',
      `La demande ${row.publicId} est « ${state?.label ?? row.state} » : ses données ne se modifient plus.${editable.length ? ` Elles se modifient dans les états ${editable.join(', ')}.` : ''}`,
      '/data',
    );
  }
  const now = ctx.clock.now();
  const result = transition(withSystemUpdate(definition), await requestSnapshot(ctx.reads, row), { type: UPDATE, data }, apiClientActor(client), now);
  if ('issues' in result) {
    throw HttpError.fromIssues(
      statusOf(result.issues),
      result.issues.map((i) => (i.code.startsWith('EVENT_') ? i : { ...i, pointer: `/data${i.pointer}` })),
    );
  }
  const next = await withInheritedSteps(ctx, definition, row, result.next);
  await refuseForeignDocuments(ctx.reads, definition, row, next.data, '/data');
  if (!(await writeTransition(ctx, row, next, result.effects))) throw conflict((await findRequest(ctx.db, row.id)) ?? row, version);
  ctx.log.info({ apiClient: client.clientId, requestId: row.publicId }, 'request data updated through the provider API');
  return (await findRequest(ctx.db, row.id))!;
}
