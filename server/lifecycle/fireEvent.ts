import { transition, type Issue, type RequestSnapshot, type WorkflowEventInput } from '../../engine/index.js';
import type { AppContext, Caller } from '../AppContext.js';
import { findOrganization } from '../db/repositories/organizations.js';
import { indexRequest } from '../db/repositories/requestSearch.js';
import { findRequest, insertRequest, type RequestWrite, type StoredRequest } from '../db/repositories/requests.js';
import { definitionVersion } from '../definitions/definitionVersion.js';
import { refuseForeignDocuments } from '../documents/refuseForeignDocuments.js';
import { HttpError, notFound } from '../http/HttpError.js';
import { checkRequestDataBounds } from '../http/requestDataBounds.js';
import { carryOutEffects } from './carryOutEffects.js';
import { checkAuthorizationReferences } from './checkAuthorizationReferences.js';
import { loadedDefinition } from './loadedDefinition.js';
import { actorOf, requestSnapshot, requestWrite } from './requestSnapshot.js';
import { withInheritedSteps, writeTransition } from './writeTransition.js';

/** The HTTP status of an event the engine refuses. */
function statusOf(issues: readonly Issue[]): number {
  const codes = new Set(issues.map((i) => i.code));
  if (codes.has('EVENT_UNKNOWN')) return 400;
  if (codes.has('EVENT_FORBIDDEN')) return 403;
  // The request is no longer in a state that allows the event: someone acted first.
  if (codes.has('EVENT_NOT_ALLOWED_IN_STATE')) return 409;
  return 422;
}

export interface EventArguments extends Omit<WorkflowEventInput, 'useCaseId'> {
  /** The request version the caller saw; required, so a stale write is refused instead of overwriting. */
  version: number | undefined;
  /** For `update`: also validate this step and the earlier ones ("Suivant"), refusing the save when invalid. */
  step?: string | undefined;
}

const conflict = (row: StoredRequest, version: number) =>
  HttpError.of(
    409,
    'VERSION_CONFLICT',
    'The request changed meanwhile',
    `La demande ${row.publicId} a été modifiée entre-temps (vous aviez la version ${version}, elle est à la version ${row.version}). Rechargez-la pour voir ces changements avant d’agir.`,
    '/version',
  );

/**
 * Fire a workflow event on a stored request. The engine's transition is computed from a read outside any
 * transaction (the read-only connections on SQLite), then written in one short transaction that stores the
 * next snapshot only if the request is still at the version read (`UPDATE … WHERE version = ?`), with every
 * effect. Two actors racing on one request: both may compute, exactly one write matches the version, the
 * other gets 409. Everything an event depends on (the request, its authorizations and its history) changes
 * only through events, each of which increments the version, so the check covers it all. Either everything
 * is stored or nothing is. The caller must already be allowed to see the request; `seen` is the row the
 * caller's access check just read, saving a read.
 */
export async function fireEvent(ctx: AppContext, caller: Caller, requestId: number, args: EventArguments, seen?: StoredRequest): Promise<FiredRequest> {
  if (typeof args.version !== 'number' || !Number.isInteger(args.version)) {
    throw HttpError.of(428, 'VERSION_REQUIRED', 'Version required', 'Indiquez la version de la demande que vous avez sous les yeux (champ « version »), pour ne pas écraser une modification plus récente.', '/version');
  }
  if (args.data) checkRequestDataBounds(args.data);
  const expected = args.version;
  const row = seen?.id === requestId && seen.version === expected ? seen : await findRequest(ctx.reads, requestId);
  if (!row) throw notFound('Cette demande');
  if (row.version !== expected) throw conflict(row, expected);
  const definition = loadedDefinition(ctx, row.definitionId);
  const now = ctx.clock.now();
  const { version: _v, step, ...input } = args;
  const result = transition(definition, await requestSnapshot(ctx.reads, row), input, actorOf(caller), now);
  if ('issues' in result) throw HttpError.fromIssues(statusOf(result.issues), result.issues);
  const next = await withInheritedSteps(ctx, definition, row, result.next);
  if ('data' in input || input.type === 'submit') await refuseForeignDocuments(ctx.reads, definition, row, next.data);
  if (input.type === 'submit') {
    const references = await checkAuthorizationReferences(ctx.reads, definition, next.data, Number(next.organizationId));
    if (references.length) throw HttpError.fromIssues(422, references);
  }
  if (step !== undefined) {
    const checked = definition.validator.validate(next.data, { context: { step }, ...(next.useCaseId ? { useCaseId: next.useCaseId } : {}), createdAt: next.createdAt });
    if (!checked.valid) throw HttpError.fromIssues(422, checked.issues);
  }
  const write = await writeTransition(ctx, row, next, result.effects);
  if (!write) throw conflict((await findRequest(ctx.db, requestId)) ?? row, expected);
  return { ...storedAfter(row, write), snapshot: next };
}

/** A request after an event, with the engine's snapshot of it (its authorizations and history included). */
export type FiredRequest = StoredRequest & { snapshot: RequestSnapshot };

/** The stored request as the write just made it, without reading it back. */
function storedAfter(row: StoredRequest, w: RequestWrite): StoredRequest {
  const { lastSubmittedData: _d, lastSubmittedAt: _s, lastValidatedAt: _v, ...kept } = row;
  return {
    ...kept,
    state: w.state,
    data: w.data,
    useCaseId: w.useCaseId,
    organizationId: w.organizationId,
    applicantId: w.applicantId,
    reopening: w.reopening,
    updatedAt: w.updatedAt,
    version: row.version + 1,
    ...(w.lastSubmittedData ? { lastSubmittedData: w.lastSubmittedData } : {}),
    ...(w.lastSubmittedAt ? { lastSubmittedAt: w.lastSubmittedAt } : {}),
    ...(w.lastValidatedAt ? { lastValidatedAt: w.lastValidatedAt } : {}),
  };
}

/** Start a request of `definitionId` for the caller's current organisation, from a use case and its prefill. */
export async function createRequest(ctx: AppContext, caller: Caller, args: { definitionId: string; useCaseId?: string | undefined; data?: Record<string, unknown> | undefined }): Promise<StoredRequest> {
  const definition = ctx.registry.definitions.get(args.definitionId);
  if (!definition) throw HttpError.of(404, 'UNKNOWN_DEFINITION', 'Unknown definition', `Le type d’habilitation « ${args.definitionId} » n’existe pas.`, '/definitionId');
  if (definition.meta.stage?.kind === 'production') {
    throw HttpError.of(422, 'PRODUCTION_STAGE', 'Production stage', `Une demande de « ${definition.meta.name} » se crée depuis une demande de bac à sable validée (« Démarrer la demande de production »).`, '/definitionId');
  }
  if (caller.organizationId === undefined) throw HttpError.of(422, 'NO_ORGANIZATION', 'No organisation', 'Choisissez l’organisation pour laquelle vous faites cette demande.', '/organizationId');
  const organization = await findOrganization(ctx.reads, caller.organizationId);
  if (!organization) throw HttpError.of(422, 'NO_ORGANIZATION', 'No organisation', 'Votre organisation est introuvable : choisissez-en une autre.', '/organizationId');
  if (organization.closed) {
    throw HttpError.of(422, 'ORGANIZATION_CLOSED', 'Establishment closed', `L’établissement ${organization.name} (SIRET ${organization.siret}) est fermé d’après le répertoire Sirene : il ne peut pas faire de demande.`, '/organizationId');
  }
  if (args.data) checkRequestDataBounds(args.data);
  const now = ctx.clock.now();
  const input: WorkflowEventInput = { type: 'create', useCaseId: args.useCaseId ?? definition.meta.use_cases[0]?.id ?? '', ...(args.data ? { data: args.data } : {}) };
  const result = transition(definition, null, input, actorOf(caller), now);
  if ('issues' in result) throw HttpError.fromIssues(statusOf(result.issues), result.issues);
  await refuseForeignDocuments(ctx.reads, definition, {}, result.next.data);
  return ctx.db.transaction(async (tx) => {
    const id = await insertRequest(tx, { ...requestWrite(result.next), definitionId: definition.id, definitionVersion: definitionVersion(definition), createdAt: result.next.createdAt });
    await carryOutEffects(tx, ctx, id, { ...result.next, id: String(id) }, result.effects);
    await indexRequest(tx, id);
    return (await findRequest(tx, id))!;
  });
}
