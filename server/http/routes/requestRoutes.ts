import { Router, type Request } from 'express';
import type { AppContext, Caller } from '../../AppContext.js';
import { canSeeRequest, definitionsWithRole } from '../../access/requestAccess.js';
import { denyAccess } from '../../access/denyAccess.js';
import { authorizationsOf, listAuthorizations } from '../../db/repositories/authorizations.js';
import { diffsOf, eventsOf } from '../../db/repositories/events.js';
import { findRequest, listRequests, pageCursor, parsePageCursor, parseRequestId, type StoredRequest } from '../../db/repositories/requests.js';
import { createRequest, fireEvent, loadedDefinition } from '../../lifecycle/fireEvent.js';
import { callerOf } from '../caller.js';
import { badRequest, notFound } from '../HttpError.js';
import { requestSummary, requestView } from './requestView.js';

/**
 * A request the caller may see, or a logged denial answered as "not found": the same answer for a request
 * of another organisation and for one that does not exist.
 */
export async function visibleRequest(ctx: AppContext, caller: Caller, req: Request, idParam: string, what = 'Cette demande'): Promise<StoredRequest> {
  const id = parseRequestId(idParam);
  if (id === undefined) throw notFound(what);
  const row = await findRequest(ctx.reads, id);
  if (!row) throw notFound(what);
  const definition = loadedDefinition(ctx, row.definitionId);
  if (!canSeeRequest(caller, definition, row.organizationId)) throw await denyAccess(ctx, caller, req, `request ${row.publicId} of organization ${row.organizationId}`, what);
  return row;
}

const optionalString = (value: unknown, pointer: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest('INPUT_INVALID', `« ${pointer.slice(1)} » doit être un texte.`, pointer);
  return value;
};

const optionalObject = (value: unknown, pointer: string): Record<string, unknown> | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('INPUT_INVALID', `« ${pointer.slice(1)} » doit être un objet.`, pointer);
  return value as Record<string, unknown>;
};

/** The JSON API of requests: create, read, save, fire any workflow event, timeline. */
export function requestRoutes(ctx: AppContext): Router {
  const router = Router();

  // A page of the organisation's requests, or of the caller's definitions (`scope=instruction`): summaries only.
  router.get('/api/requests', async (req, res) => {
    const caller = callerOf(res);
    const state = optionalString(req.query.state, '/state');
    const definitionId = optionalString(req.query.definition, '/definition');
    const cursor = optionalString(req.query.after, '/after');
    const after = cursor === undefined ? undefined : parsePageCursor(cursor);
    if (cursor !== undefined && !after) throw badRequest('INPUT_INVALID', 'Le curseur de page « after » n’est pas valide : repartez de la première page.', '/after');
    const limit = Math.min(Math.max(Number(req.query.limit ?? 50) || 50, 1), 200);
    const filter = { ...(state ? { state } : {}), ...(after ? { after } : {}), limit };
    let rows: StoredRequest[];
    if (req.query.scope === 'instruction') {
      let definitionIds = caller.roles.includes('admin') ? undefined : definitionsWithRole(caller, ctx.registry);
      if (definitionId) definitionIds = !definitionIds || definitionIds.includes(definitionId) ? [definitionId] : [];
      rows = definitionIds && !definitionIds.length ? [] : await listRequests(ctx.reads, { ...filter, ...(definitionIds ? { definitionIds } : {}) });
    } else {
      if (caller.organizationId === undefined) return void res.json({ requests: [], next: null });
      rows = await listRequests(ctx.reads, { ...filter, organizationId: caller.organizationId, ...(definitionId ? { definitionIds: [definitionId] } : {}) });
    }
    res.json({ requests: rows.map((row) => requestSummary(ctx, row)), next: rows.length === limit ? pageCursor(rows[rows.length - 1]!) : null });
  });

  router.post('/api/requests', async (req, res) => {
    const caller = callerOf(res);
    const body = optionalObject(req.body, '') ?? {};
    const definitionId = optionalString(body.definitionId, '/definitionId');
    if (!definitionId) throw badRequest('INPUT_INVALID', 'Indiquez le type d’habilitation demandé (definitionId).', '/definitionId');
    const row = await createRequest(ctx, caller, { definitionId, useCaseId: optionalString(body.useCaseId, '/useCaseId'), data: optionalObject(body.data, '/data') });
    res.status(201).location(`/api/requests/${row.publicId}`).json({ request: await requestView(ctx, caller, loadedDefinition(ctx, row.definitionId), row) });
  });

  router.get('/api/requests/:id', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    res.json({ request: await requestView(ctx, caller, loadedDefinition(ctx, row.definitionId), row) });
  });

  // "Enregistrer" (no step) and "Suivant" (with the step to validate): the whole data, at the version seen.
  router.patch('/api/requests/:id', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const body = optionalObject(req.body, '') ?? {};
    const data = optionalObject(body.data, '/data');
    if (!data) throw badRequest('INPUT_INVALID', 'Envoyez les données de la demande (data).', '/data');
    const updated = await fireEvent(ctx, caller, row.id, { type: 'update', data, version: body.version as number | undefined, step: optionalString(body.step, '/step') }, row);
    res.json({ request: await requestView(ctx, caller, loadedDefinition(ctx, updated.definitionId), updated) });
  });

  // Any workflow event: submit, approve, refuse, request_changes, reopen, revoke, archive, transfer, and a definition's own.
  router.post('/api/requests/:id/events/:event', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const body = optionalObject(req.body, '') ?? {};
    const to = optionalObject(body.to, '/to');
    const updated = await fireEvent(ctx, caller, row.id, {
      type: req.params.event,
      version: body.version as number | undefined,
      ...(body.reason !== undefined ? { reason: optionalString(body.reason, '/reason')! } : {}),
      ...(body.message !== undefined ? { message: optionalString(body.message, '/message')! } : {}),
      ...(body.data !== undefined ? { data: optionalObject(body.data, '/data')! } : {}),
      ...(to ? { to: { ...(to.userId !== undefined ? { userId: String(to.userId) } : {}), ...(to.organizationId !== undefined ? { organizationId: String(to.organizationId) } : {}) } } : {}),
    }, row);
    res.json({ request: await requestView(ctx, caller, loadedDefinition(ctx, updated.definitionId), updated) });
  });

  router.get('/api/requests/:id/events', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const [events, diffs] = await Promise.all([eventsOf(ctx.reads, row.id), diffsOf(ctx.reads, row.id)]);
    res.json({ events: events.map((e) => ({ ...e, requestId: row.publicId, changes: diffs.find((d) => d.eventId === e.id)?.changes })) });
  });

  router.get('/api/requests/:id/authorizations', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    res.json({ authorizations: (await authorizationsOf(ctx.reads, row.id)).map((a) => ({ ...a, requestId: row.publicId })) });
  });

  // The current organisation's authorizations, for a field that names one (API Particulier's FranceConnect modality).
  router.get('/api/authorizations', async (req, res) => {
    const caller = callerOf(res);
    if (caller.organizationId === undefined) return void res.json({ authorizations: [] });
    const definitionId = optionalString(req.query.definition, '/definition');
    const list = await listAuthorizations(ctx.reads, { organizationId: caller.organizationId, ...(definitionId ? { definitionIds: [definitionId] } : {}) });
    res.json({ authorizations: list.map(({ data: _data, engineKey: _key, ...a }) => ({ ...a, id: a.publicId, requestId: `D${a.requestId}` })) });
  });

  return router;
}
