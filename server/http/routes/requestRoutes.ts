import { Router, type Request } from 'express';
import { TEXT_LIMITS } from '../textLimits.js';
import type { AppContext, Caller } from '../../AppContext.js';
import { canSeeRequest, definitionsWithRole } from '../../access/requestAccess.js';
import { denyAccess } from '../../access/denyAccess.js';
import { authorizationsOf, listAuthorizations } from '../../db/repositories/authorizations.js';
import { conventionsOfRequest } from '../../db/repositories/conventions.js';
import { diffsOf, eventsOf } from '../../db/repositories/events.js';
import { isDay } from '../../db/repositories/parisDay.js';
import { countRequestsByState, findRequest, listRequests, pageCursor, parsePageCursor, parseRequestId, type RequestFilter, type StoredRequest } from '../../db/repositories/requests.js';
import { createRequest, fireEvent } from '../../lifecycle/fireEvent.js';
import { transferTarget } from '../../lifecycle/transferTarget.js';
import { transfersOf, type RequestTransfer } from '../../db/repositories/transfers.js';
import { loadedDefinition } from '../../lifecycle/loadedDefinition.js';
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

/** A query parameter given as a whole number of at least 1, or absent. */
const positiveInteger = (value: unknown, pointer: string): number | undefined => {
  const text = optionalString(value, pointer);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw badRequest('INPUT_INVALID', `« ${pointer.slice(1)} » doit être un nombre entier positif (${text} reçu).`, pointer);
  return Number(text);
};

/** The longest free-text search accepted: enough for a sentence, an e-mail and a SIRET at once. */

/**
 * The list's filters from a query string, checked, within what the caller may see: `scope=instruction` the
 * definitions on which they hold a role (every one for an admin), otherwise their current organisation's
 * requests. `filter` is undefined when that is nothing. `states` are the states of the definitions in scope,
 * in their workflows' order.
 */
function listFilter(ctx: AppContext, caller: Caller, query: Request['query'], options: { withoutState?: boolean } = {}): { filter: RequestFilter | undefined; state: string | undefined; states: string[] } {
  const scope = optionalString(query.scope, '/scope');
  if (scope !== undefined && scope !== 'instruction') throw badRequest('INPUT_INVALID', `La portée « ${scope} » n’existe pas : « scope=instruction » liste les demandes à instruire, sans « scope » celles de votre organisation.`, '/scope');
  const definitionId = optionalString(query.definition, '/definition');
  if (definitionId !== undefined && !ctx.registry.definitions.has(definitionId)) throw badRequest('INPUT_INVALID', `Le type d’habilitation « ${definitionId} » n’existe pas.`, '/definition');
  const q = optionalString(query.q, '/q');
  if (q !== undefined && q.length > TEXT_LIMITS.searchQuery) throw badRequest('INPUT_INVALID', `La recherche est trop longue (${q.length} caractères) : ${TEXT_LIMITS.searchQuery} caractères au plus.`, '/q');
  const day = (name: 'from' | 'to') => {
    const value = optionalString(query[name], `/${name}`);
    if (value !== undefined && !isDay(value)) throw badRequest('INPUT_INVALID', `La date « ${name} » doit être un jour au format AAAA-MM-JJ, par exemple 2026-11-24 (« ${value} » reçu).`, `/${name}`);
    return value;
  };
  const [createdFrom, createdTo] = [day('from'), day('to')];
  if (createdFrom && createdTo && createdFrom > createdTo) throw badRequest('INPUT_INVALID', `La période est vide : le ${createdTo} est avant le ${createdFrom}.`, '/to');
  const reopeningText = optionalString(query.reopening, '/reopening');
  if (reopeningText !== undefined && reopeningText !== 'true' && reopeningText !== 'false') throw badRequest('INPUT_INVALID', `« reopening » vaut « true » (les réouvertures) ou « false » (les autres), pas « ${reopeningText} ».`, '/reopening');

  let definitionIds: string[] | undefined;
  let organizationId: number | undefined;
  if (scope === 'instruction') {
    definitionIds = caller.roles.includes('admin') ? undefined : definitionsWithRole(caller, ctx.registry);
    if (definitionId) definitionIds = !definitionIds || definitionIds.includes(definitionId) ? [definitionId] : [];
  } else {
    organizationId = caller.organizationId;
    if (definitionId) definitionIds = [definitionId];
  }
  const statesOf = (ids: Iterable<string>) => [...new Set([...ids].flatMap((id) => Object.keys(ctx.registry.definitions.get(id)?.workflow.states ?? {})))];
  const state = options.withoutState ? undefined : optionalString(query.state, '/state');
  const known = statesOf(definitionId ? [definitionId] : ctx.registry.definitions.keys());
  if (state !== undefined && !known.includes(state)) throw badRequest('INPUT_INVALID', `L’état « ${state} » n’existe pas${definitionId ? ` pour « ${definitionId} »` : ''}. États possibles : ${known.join(', ')}.`, '/state');
  const nothingVisible = (scope !== 'instruction' && organizationId === undefined) || definitionIds?.length === 0;
  const filter: RequestFilter = {
    ...(organizationId !== undefined ? { organizationId } : {}),
    ...(definitionIds ? { definitionIds } : {}),
    ...(q !== undefined ? { q } : {}),
    ...(createdFrom ? { createdFrom } : {}),
    ...(createdTo ? { createdTo } : {}),
    ...(reopeningText !== undefined ? { reopening: reopeningText === 'true' } : {}),
  };
  return { filter: nothingVisible ? undefined : filter, state, states: statesOf(definitionIds ?? ctx.registry.definitions.keys()) };
}

/** The JSON API of requests: create, read, save, fire any workflow event, timeline. */
export function requestRoutes(ctx: AppContext): Router {
  const router = Router();

  // A page of the organisation's requests, or of the caller's definitions (`scope=instruction`), filtered and
  // searched (`q`): summaries only.
  router.get('/api/requests', async (req, res) => {
    const caller = callerOf(res);
    const { filter, state } = listFilter(ctx, caller, req.query);
    const cursor = optionalString(req.query.after, '/after');
    const after = cursor === undefined ? undefined : parsePageCursor(cursor);
    if (cursor !== undefined && !after) throw badRequest('INPUT_INVALID', 'Le curseur de page « after » n’est pas valide : repartez de la première page.', '/after');
    const limit = Math.min(positiveInteger(req.query.limit, '/limit') ?? 50, 200);
    const rows = filter ? await listRequests(ctx.reads, { ...filter, ...(state ? { state } : {}), ...(after ? { after } : {}), limit }) : [];
    res.json({ requests: rows.map((row) => requestSummary(ctx, row)), next: rows.length === limit ? pageCursor(rows[rows.length - 1]!) : null });
  });

  // The number of requests in each state under the list's filters (its state filter aside): the desk's tabs.
  router.get('/api/requests/counts', async (req, res) => {
    const caller = callerOf(res);
    const { filter, states } = listFilter(ctx, caller, req.query, { withoutState: true });
    const found = filter ? await countRequestsByState(ctx.reads, filter) : {};
    const counts: Record<string, number> = Object.fromEntries(states.map((s) => [s, 0]));
    for (const [s, n] of Object.entries(found)) counts[s] = n;
    res.json({ counts, total: Object.values(counts).reduce((a, b) => a + b, 0) });
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
    const asked = optionalObject(body.to, '/to');
    // People name the new owner by e-mail and SIRET; the engine gets ids, checked here.
    const to = asked ? await transferTarget(ctx, caller, row, asked) : undefined;
    const updated = await fireEvent(ctx, caller, row.id, {
      type: req.params.event,
      version: body.version as number | undefined,
      ...(body.reason !== undefined ? { reason: optionalString(body.reason, '/reason')! } : {}),
      ...(body.message !== undefined ? { message: optionalString(body.message, '/message')! } : {}),
      ...(body.data !== undefined ? { data: optionalObject(body.data, '/data')! } : {}),
      ...(to ? { to } : {}),
    }, row);
    res.json({ request: await requestView(ctx, caller, loadedDefinition(ctx, updated.definitionId), updated) });
  });

  router.get('/api/requests/:id/events', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const [events, diffs, transfers] = await Promise.all([eventsOf(ctx.reads, row.id), diffsOf(ctx.reads, row.id), transfersOf(ctx.reads, row.id)]);
    res.json({ events: events.map((e) => ({ ...e, requestId: row.publicId, changes: diffs.find((d) => d.eventId === e.id)?.changes, transfer: transferView(transfers.get(e.id)) })) });
  });

  router.get('/api/requests/:id/authorizations', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const [authorizations, conventions] = await Promise.all([authorizationsOf(ctx.reads, row.id), conventionsOfRequest(ctx.reads, row.id)]);
    res.json({
      authorizations: authorizations.map((a) => {
        const convention = conventions.get(a.id);
        return {
          ...a,
          requestId: row.publicId,
          // The convention frozen at approval, where the workflow produces one.
          ...(convention
            ? { convention: { pdf: `/habilitations/${a.publicId}/convention.pdf`, html: `/habilitations/${a.publicId}/convention.html`, pdfSha256: convention.pdfSha256, htmlSha256: convention.htmlSha256, createdAt: convention.createdAt } }
            : {}),
        };
      }),
    });
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

/** Who a transfer event moved the request from and to, in the events' answer. */
const transferView = (t: RequestTransfer | undefined) =>
  t && { from: { userId: t.fromUserId, organizationId: t.fromOrganizationId }, to: { userId: t.toUserId, organizationId: t.toOrganizationId } };
