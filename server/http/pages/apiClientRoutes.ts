import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { ApiClientDefinitionsPage, ApiClientsPage, type ApiClientsPageProps } from '../../../renderer/pages/apiClients/ApiClientsPage.js';
import type { Definition } from '../../../engine/index.js';
import type { AppContext } from '../../AppContext.js';
import { denyAccess } from '../../access/denyAccess.js';
import { createApiClient, developedDefinitions } from '../../apiClients/manageApiClients.js';
import { apiClientsOf, findApiClient, revokeApiClient } from '../../db/repositories/apiClients.js';
import { findUser } from '../../db/repositories/users.js';
import { callerOf } from '../caller.js';
import { TEXT_LIMITS, textTooLong } from '../textLimits.js';
import { displayName, pageContext } from './pageContext.js';
import { sendPage } from './sendPage.js';
import { parseRowId } from '../../db/rowId.js';

const BASE = '/instruction/clients-api';
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The API clients of the definitions whose developers (or admins) the caller is; others get a 404. */
export function apiClientRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The definition of the URL when the caller develops it, else a recorded denial as a 404. */
  const developed = async (req: Request, res: Response): Promise<Definition> => {
    const caller = callerOf(res);
    const definition = developedDefinitions(caller, ctx.registry).find((d) => d.id === req.params.definitionId);
    if (!definition) throw await denyAccess(ctx, caller, req, `API clients of ${String(req.params.definitionId)}: not a developer`, 'Cette page');
    return definition;
  };

  const show = async (req: Request, res: Response, definition: Definition, extra: Pick<ApiClientsPageProps, 'created' | 'error' | 'notice'> = {}, status = 200) => {
    const clients = await apiClientsOf(ctx.reads, definition.id);
    const names = new Map<number, string>();
    for (const id of new Set(clients.flatMap((c) => (c.createdBy ? [c.createdBy] : [])))) {
      const user = await findUser(ctx.reads, id);
      if (user) names.set(id, displayName(user));
    }
    sendPage(
      res,
      createElement(ApiClientsPage, {
        page: await pageContext(ctx, req, res),
        definition: { id: definition.id, name: definition.meta.name },
        clients: clients.map((c) => ({ id: c.id, name: c.name, clientId: c.clientId, createdAt: c.createdAt, createdBy: c.createdBy ? names.get(c.createdBy) : undefined, revokedAt: c.revokedAt })),
        ...extra,
      }),
      status,
    );
  };

  router.get(BASE, async (req, res) => {
    const caller = callerOf(res);
    const definitions = developedDefinitions(caller, ctx.registry);
    if (!definitions.length) throw await denyAccess(ctx, caller, req, 'API clients: not a developer', 'Cette page');
    const rows = await Promise.all(definitions.map(async (d) => ({ id: d.id, name: d.meta.name, active: (await apiClientsOf(ctx.reads, d.id)).filter((c) => !c.revokedAt).length })));
    sendPage(res, createElement(ApiClientDefinitionsPage, { page: await pageContext(ctx, req, res), definitions: rows }));
  });

  router.get(`${BASE}/:definitionId`, async (req, res) => {
    const definition = await developed(req, res);
    await show(req, res, definition, req.query.fait === 'revoque' ? { notice: 'Client révoqué : ses jetons ne sont plus acceptés.' } : {});
  });

  router.post(`${BASE}/:definitionId`, async (req, res) => {
    const definition = await developed(req, res);
    const name = text(req.body?.name);
    const refusal = name ? textTooLong('Le nom du client', name, TEXT_LIMITS.apiClientName) : 'Donnez un nom au client.';
    if (refusal) return show(req, res, definition, { error: { name, message: refusal } }, 422);
    const { client, secret } = await createApiClient(ctx, callerOf(res), definition.id, name);
    // The secret is shown in this answer only: neither in a URL nor in the session.
    await show(req, res, definition, { created: { name: client.name, clientId: client.clientId, secret } }, 201);
  });

  router.post(`${BASE}/:definitionId/revoquer`, async (req, res) => {
    const definition = await developed(req, res);
    const caller = callerOf(res);
    const id = parseRowId(text(req.body?.id));
    const client = id === undefined ? undefined : await findApiClient(ctx.reads, id);
    if (!client || client.definitionId !== definition.id) throw await denyAccess(ctx, caller, req, `API client ${String(req.body?.id)} is not of ${definition.id}`, 'Ce client de l’API');
    await revokeApiClient(ctx.db, client.id, caller.userId, ctx.clock.now().toISOString());
    ctx.log.info({ userId: caller.userId, definitionId: definition.id, clientId: client.clientId }, 'API client revoked');
    res.redirect(303, `${BASE}/${definition.id}?fait=revoque`);
  });

  return router;
}
