import { transition, type Definition, type Effect, type RequestSnapshot } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { endAuthorization, insertAuthorization } from '../db/repositories/authorizations.js';
import { insertEvent, insertSubmissionDiff } from '../db/repositories/events.js';
import { recordMilestones } from '../db/repositories/milestones.js';
import { indexRequest } from '../db/repositories/requestSearch.js';
import { insertRequest, requestPublicId } from '../db/repositories/requests.js';
import { freezeConvention } from '../conventions/freezeConvention.js';
import { enqueueEmails } from '../emails/enqueueEmails.js';
import { enqueueWebhooks } from '../webhooks/enqueueWebhooks.js';
import { definitionVersion } from '../definitions/definitionVersion.js';
import { HttpError } from '../http/HttpError.js';
import { loadedDefinition } from './loadedDefinition.js';
import { recordTransfer } from './recordTransfer.js';
import { requestWrite } from './requestSnapshot.js';

/**
 * Carry out the engine's effects for one event, inside the event's transaction: the event row first (the
 * other rows point at it), then the submission diff, authorizations, and the outbox rows for e-mails,
 * webhooks, and the convention frozen with its authorization. Nothing here sends anything: the outbox is delivered after commit.
 */
export async function carryOutEffects(tx: Db, ctx: AppContext, requestId: number, next: RequestSnapshot, effects: readonly Effect[]): Promise<void> {
  const at = next.updatedAt ?? ctx.clock.now().toISOString();
  let eventId: number | undefined;
  let actorId: number | undefined;
  for (const effect of effects) {
    if (effect.type !== 'record_event') continue;
    if (effect.actorKind === 'user') actorId = Number(effect.actorId);
    eventId = await insertEvent(tx, {
      requestId,
      event: effect.event,
      ...(effect.from ? { fromState: effect.from } : {}),
      toState: effect.to,
      ...(effect.actorKind === 'user' ? { actorId: Number(effect.actorId) } : {}),
      actorKind: effect.actorKind,
      ...(effect.reason ? { reason: effect.reason } : {}),
      createdAt: effect.at,
    });
    await recordMilestones(tx, requestId, effect);
  }
  for (const effect of effects) {
    switch (effect.type) {
      case 'record_event':
        break;
      case 'store_submission_diff':
        if (eventId === undefined) throw new Error('store_submission_diff without record_event: the workflow must record the event.');
        await insertSubmissionDiff(tx, { requestId, eventId, first: effect.first, changes: effect.changes, createdAt: at });
        break;
      case 'freeze_authorization':
        await insertAuthorization(tx, {
          requestId,
          engineKey: effect.authorizationId,
          definitionId: next.definitionId,
          organizationId: Number(next.organizationId),
          applicantId: Number(next.applicantId),
          data: effect.data,
          createdAt: at,
        });
        break;
      case 'mark_authorization_obsolete':
        await endAuthorization(tx, effect.authorizationId, 'obsolete', at);
        break;
      case 'revoke_authorization':
        await endAuthorization(tx, effect.authorizationId, 'revoked', at);
        break;
      case 'restore_authorization_data':
        // The engine's next snapshot already holds the authorization's data.
        break;
      case 'notify':
        await enqueueEmails(tx, ctx, { requestId, eventId, definitionId: next.definitionId, event: effect.event, roles: effect.roles, template: effect.template, at });
        break;
      case 'deliver_webhook':
        await enqueueWebhooks(tx, ctx, { requestId, eventId, definitionId: next.definitionId, event: effect.event, at });
        break;
      case 'render_convention':
        await freezeConvention(tx, ctx, loadedDefinition(ctx, next.definitionId), requestId, effect.authorizationId, next);
        break;
      case 'transfer':
        await recordTransfer(tx, ctx, requestId, effect, { id: eventId, actorId, at });
        break;
      case 'create_next_stage_request':
        await createNextStage(tx, ctx, requestId, effect);
        break;
      default: {
        const never: never = effect;
        throw new Error(`Unhandled effect ${(never as Effect).type}`);
      }
    }
  }
}

/** start_next_stage: the production request, created by the system from the sandbox's data, once. */
async function createNextStage(tx: Db, ctx: AppContext, fromRequestId: number, effect: Extract<Effect, { type: 'create_next_stage_request' }>): Promise<void> {
  const definition: Definition | undefined = ctx.registry.definitions.get(effect.definitionId);
  if (!definition) throw HttpError.of(503, 'DEFINITION_UNAVAILABLE', 'Definition unavailable', `L’étape suivante (${effect.definitionId}) n’est pas disponible sur la plateforme pour le moment.`);
  const existing = await tx('requests').where({ previous_request_id: fromRequestId }).first('id');
  if (existing) {
    throw HttpError.of(409, 'NEXT_STAGE_EXISTS', 'Next stage already started', `La demande de production de cette habilitation existe déjà : ${requestPublicId(Number(existing.id))}.`);
  }
  const now = ctx.clock.now();
  const useCaseId = definition.meta.use_cases[0]?.id ?? '';
  const actor = { kind: 'user' as const, id: effect.applicantId, roles: [], organizationId: effect.organizationId };
  const created = transition(definition, null, { type: 'create', useCaseId, data: effect.data }, actor, now);
  if ('issues' in created) throw HttpError.fromIssues(422, created.issues);
  const id = await insertRequest(tx, { ...requestWrite(created.next), definitionId: definition.id, definitionVersion: definitionVersion(definition), createdAt: created.next.createdAt, previousRequestId: fromRequestId });
  await carryOutEffects(tx, ctx, id, { ...created.next, id: String(id) }, created.effects);
  await indexRequest(tx, id);
}
