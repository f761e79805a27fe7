import express, { Router, type Request, type Response } from 'express';
import type { Definition } from '../../../engine/index.js';
import type { AppContext } from '../../AppContext.js';
import { denyAccess } from '../../access/denyAccess.js';
import { updateRequestData } from '../../apiClients/updateRequestData.js';
import type { StoredApiClient } from '../../db/repositories/apiClients.js';
import { authorizationsPage, findAuthorization, parseAuthorizationId, type AuthorizationState } from '../../db/repositories/authorizations.js';
import { authorizationsOf } from '../../db/repositories/authorizations.js';
import { diffsOf, eventsOf } from '../../db/repositories/events.js';
import { findOrganizationBySiret, organizationsByIds } from '../../db/repositories/organizations.js';
import { findRequest, listRequests, pageCursor, parsePageCursor, parseRequestId, type StoredRequest } from '../../db/repositories/requests.js';
import { jsonBody } from '../jsonBody.js';
import { storableText } from '../storableText.js';
import { badParameter, notFoundFor, ProviderApiError, providerApiErrors } from './apiErrors.js';
import { oauthRequestErrors } from './oauthRequestErrors.js';
import { apiClientOf, bearerAuth } from './bearerAuth.js';
import { openApiDocument } from './openApiDocument.js';
import { definitionSummary, definitionView, demandeView, eventView, habilitationView } from './providerApiViews.js';
import { tokenEndpoint } from './tokenEndpoint.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const AUTHORIZATION_STATES: readonly AuthorizationState[] = ['active', 'obsolete', 'revoked'];

/** The definitions a client works on: its own, while it is loaded. */
const scopeOf = (ctx: AppContext, client: StoredApiClient): Definition[] => {
  const d = ctx.registry.definitions.get(client.definitionId);
  return d ? [d] : [];
};

const queryString = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badParameter(name, `Le paramètre « ${name} » doit être donné une seule fois, comme un texte.`);
  return value;
};

function limitOf(req: Request): number {
  const text = queryString(req, 'limit');
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_LIMIT) throw badParameter('limit', `« limit » est un nombre entier de 1 à ${MAX_LIMIT} (« ${text} » reçu).`);
  return Number(text);
}

/** The organisation a `siret` filter names: `null` when no organisation has it (an empty list then). */
async function siretFilter(ctx: AppContext, req: Request): Promise<number | null | undefined> {
  const siret = queryString(req, 'siret');
  if (siret === undefined) return undefined;
  if (!/^\d{14}$/.test(siret)) throw badParameter('siret', `« siret » est un numéro de 14 chiffres (« ${siret} » reçu).`);
  return (await findOrganizationBySiret(ctx.reads, siret))?.id ?? null;
}

/** The link to the next page: the same query with the new cursor. */
const nextLink = (req: Request, cursor: string): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string' && key !== 'cursor') params.set(key, value);
  params.set('cursor', cursor);
  return `${req.baseUrl}${req.path}?${params}`;
};

/** A request of the client's definitions, or a 404 alike for an absent id and another definition's (the latter recorded). */
async function clientRequest(ctx: AppContext, req: Request, res: Response): Promise<StoredRequest> {
  const client = apiClientOf(res);
  const id = parseRequestId(String(req.params.id));
  const row = id === undefined ? undefined : await findRequest(ctx.reads, id);
  if (!row) throw notFoundFor('Cette demande');
  if (!scopeOf(ctx, client).some((d) => d.id === row.definitionId)) {
    await denyAccess(ctx, undefined, req, `API client ${client.clientId} of ${client.definitionId}: request ${row.publicId} of ${row.definitionId}`);
    throw notFoundFor('Cette demande');
  }
  return row;
}

/**
 * The provider API under /api/v1 (OAuth2 client credentials, then bearer tokens): the requests, authorizations
 * and definitions of the client's definition, and corrections of a request's data. Its own error format,
 * `{ errors: [{ status, code, title, detail, source }] }`. Mounted before sessions and CSRF: no cookie here.
 */
export function providerApiRoutes(ctx: AppContext): Router {
  // One router with whole paths (no sub-router mounted at /api/v1), so that route listings show them as called.
  const api = Router();
  const token = tokenEndpoint(ctx);
  // Its own body parsers, so that a malformed body is answered in this API's error format (below); the
  // token endpoint takes a form (RFC 6749) or JSON, the other routes read JSON once the token is checked.
  const form = express.urlencoded({ extended: false, limit: '10kb' });
  api.post('/api/v1/oauth/token', jsonBody(), form, storableText, token);
  api.post('/oauth/token', jsonBody(), form, storableText, token);
  api.use(['/api/v1/oauth/token', '/oauth/token'], oauthRequestErrors);
  api.get('/api/v1/openapi.json', (_req, res) => void res.json(openApiDocument()));
  api.use('/api/v1', bearerAuth(ctx), jsonBody(), storableText);

  api.get('/api/v1/demandes', async (req, res) => {
    const definitions = scopeOf(ctx, apiClientOf(res));
    const state = queryString(req, 'state');
    const states = [...new Set(definitions.flatMap((d) => Object.keys(d.workflow.states)))];
    if (state !== undefined && !states.includes(state)) throw badParameter('state', `L’état « ${state} » n’existe pas. États possibles : ${states.join(', ')}.`);
    const limit = limitOf(req);
    const cursor = queryString(req, 'cursor');
    const after = cursor === undefined ? undefined : parsePageCursor(cursor);
    if (cursor !== undefined && !after) throw badParameter('cursor', 'Le curseur « cursor » n’est pas valide : repartez de la première page.');
    const organizationId = await siretFilter(ctx, req);
    const rows =
      organizationId === null || !definitions.length
        ? []
        : await listRequests(ctx.reads, { definitionIds: definitions.map((d) => d.id), ...(organizationId !== undefined ? { organizationId } : {}), ...(state ? { state } : {}), ...(after ? { after } : {}), limit });
    const organizations = await organizationsByIds(ctx.reads, rows.map((r) => r.organizationId));
    res.json({
      data: rows.map((row) => demandeView(row, ctx.registry.definitions.get(row.definitionId), organizations)),
      links: { next: rows.length === limit ? nextLink(req, pageCursor(rows[rows.length - 1]!)) : null },
    });
  });

  const demandeResponse = async (row: StoredRequest) => {
    const [organizations, authorizations] = await Promise.all([organizationsByIds(ctx.reads, [row.organizationId]), authorizationsOf(ctx.reads, row.id)]);
    return { data: demandeView(row, ctx.registry.definitions.get(row.definitionId), organizations, authorizations.map((a) => a.publicId)) };
  };

  api.get('/api/v1/demandes/:id', async (req, res) => {
    res.json(await demandeResponse(await clientRequest(ctx, req, res)));
  });

  api.patch('/api/v1/demandes/:id', async (req, res) => {
    const row = await clientRequest(ctx, req, res);
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw ProviderApiError.of(400, 'BODY_INVALID', 'Invalid body', 'Envoyez un objet JSON { "data": {…}, "version": n } (Content-Type: application/json).', { pointer: '' });
    const { data, version, ...others } = body as Record<string, unknown>;
    const extra = Object.keys(others);
    if (extra.length) throw ProviderApiError.of(400, 'BODY_INVALID', 'Invalid body', `Seules les données (« data ») d’une demande se modifient par l’API, à la version lue (« version ») : « ${extra[0]} » n’est pas accepté.`, { pointer: `/${extra[0]}` });
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw ProviderApiError.of(400, 'BODY_INVALID', 'Invalid body', 'Envoyez les données de la demande, un objet (« data »).', { pointer: '/data' });
    const updated = await updateRequestData(ctx, apiClientOf(res), row, data as Record<string, unknown>, version);
    res.json(await demandeResponse(updated));
  });

  api.get('/api/v1/demandes/:id/events', async (req, res) => {
    const row = await clientRequest(ctx, req, res);
    const [events, diffs] = await Promise.all([eventsOf(ctx.reads, row.id), diffsOf(ctx.reads, row.id)]);
    res.json({ data: events.map((e) => eventView(e, row.publicId, diffs)) });
  });

  api.get('/api/v1/habilitations', async (req, res) => {
    const definitions = scopeOf(ctx, apiClientOf(res));
    const state = queryString(req, 'state');
    if (state !== undefined && !AUTHORIZATION_STATES.includes(state as AuthorizationState)) throw badParameter('state', `L’état « ${state} » n’existe pas. États possibles : ${AUTHORIZATION_STATES.join(', ')}.`);
    const limit = limitOf(req);
    const cursor = queryString(req, 'cursor');
    const beforeId = cursor === undefined ? undefined : parseAuthorizationId(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (cursor !== undefined && beforeId === undefined) throw badParameter('cursor', 'Le curseur « cursor » n’est pas valide : repartez de la première page.');
    const organizationId = await siretFilter(ctx, req);
    const rows =
      organizationId === null
        ? []
        : await authorizationsPage(ctx.reads, { definitionIds: definitions.map((d) => d.id), ...(organizationId !== undefined ? { organizationId } : {}), ...(state ? { state: state as AuthorizationState } : {}), ...(beforeId !== undefined ? { beforeId } : {}), limit });
    const organizations = await organizationsByIds(ctx.reads, rows.map((r) => r.organizationId));
    res.json({
      data: rows.map((a) => habilitationView(a, organizations)),
      links: { next: rows.length === limit ? nextLink(req, Buffer.from(rows[rows.length - 1]!.publicId).toString('base64url')) : null },
    });
  });

  api.get('/api/v1/habilitations/:id', async (req, res) => {
    const client = apiClientOf(res);
    const id = parseAuthorizationId(String(req.params.id));
    const found = id === undefined ? undefined : await findAuthorization(ctx.reads, id);
    if (!found) throw notFoundFor('Cette habilitation');
    if (!scopeOf(ctx, client).some((d) => d.id === found.definitionId)) {
      await denyAccess(ctx, undefined, req, `API client ${client.clientId} of ${client.definitionId}: authorization ${found.publicId} of ${found.definitionId}`);
      throw notFoundFor('Cette habilitation');
    }
    res.json({ data: habilitationView(found, await organizationsByIds(ctx.reads, [found.organizationId])) });
  });

  api.get('/api/v1/definitions', (_req, res) => {
    res.json({ data: scopeOf(ctx, apiClientOf(res)).map(definitionSummary) });
  });

  api.get('/api/v1/definitions/:id', (req, res) => {
    const d = scopeOf(ctx, apiClientOf(res)).find((x) => x.id === req.params.id);
    if (!d) throw notFoundFor('Ce type d’habilitation');
    res.json({ data: definitionView(d) });
  });

  api.use('/api/v1', (req, _res, next) => next(ProviderApiError.of(404, 'NOT_FOUND', 'Not found', `${req.method} ${req.originalUrl.split('?')[0]} n’existe pas dans l’API : voir /api/v1/openapi.json.`)));
  api.use('/api/v1', providerApiErrors(ctx.log));
  return api;
}
