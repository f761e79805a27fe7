import { Router } from 'express';
import { createElement } from 'react';
import { actorRoles } from '../../../../engine/index.js';
import { DeskPage } from '../../../../renderer/pages/instruction/DeskPage.js';
import type { AppContext } from '../../../AppContext.js';
import { definitionsWithRole } from '../../../access/requestAccess.js';
import { organizationsByIds } from '../../../db/repositories/organizations.js';
import { isDay } from '../../../db/repositories/parisDay.js';
import { countRequestsByState, listRequests, pageCursor, parsePageCursor, type RequestFilter, type StoredRequest } from '../../../db/repositories/requests.js';
import { callerOf } from '../../caller.js';
import { badRequest, HttpError } from '../../HttpError.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { TEXT_LIMITS } from '../../textLimits.js';
import { requestTitle } from '../requestHeadView.js';

const PAGE_SIZE = 50;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The instruction desk: the caller's definitions' requests, with filters and a cursor to the next page. */
export function deskRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/instruction', async (req, res) => {
    const caller = callerOf(res);
    const mine = caller.roles.includes('admin') ? [...ctx.registry.definitions.keys()] : definitionsWithRole(caller, ctx.registry);
    if (!mine.length) throw HttpError.of(403, 'NOT_AN_INSTRUCTOR', 'Forbidden', 'L’instruction est réservée aux équipes des fournisseurs (instructeurs, rapporteurs, gestionnaires).');
    // A search is cut at its limit: each of its words costs a condition, and it is echoed in every link of the page.
    const filters = { q: text(req.query.q).slice(0, TEXT_LIMITS.searchQuery), definition: text(req.query.definition), state: text(req.query.state), from: text(req.query.from), to: text(req.query.to), reopening: text(req.query.reopening) };
    const definitions = mine.map((id) => ctx.registry.definitions.get(id)!).sort((a, b) => a.meta.name.localeCompare(b.meta.name, 'fr'));
    const definitionIds = filters.definition ? mine.filter((id) => id === filters.definition) : mine;
    const states = new Map<string, string>();
    for (const d of definitions) for (const [id, s] of Object.entries(d.workflow.states)) if (!states.has(id)) states.set(id, s.label ?? id);
    const after = text(req.query.after) ? parsePageCursor(text(req.query.after)) : undefined;
    for (const key of ['from', 'to'] as const) {
      // A real day, not only its shape: 2026-13-45 would reach the query as an invalid date.
      if (filters[key] && !isDay(filters[key])) throw badRequest('INPUT_INVALID', `La date « ${filters[key]} » n’est pas une date (jj/mm/aaaa).`, `/${key}`);
    }
    const common: Omit<RequestFilter, 'state' | 'after' | 'limit'> = {
      definitionIds,
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.from ? { createdFrom: filters.from } : {}),
      ...(filters.to ? { createdTo: filters.to } : {}),
      ...(filters.reopening === 'true' || filters.reopening === 'false' ? { reopening: filters.reopening === 'true' } : {}),
    };
    const filter: RequestFilter = { ...common, limit: PAGE_SIZE, ...(filters.state ? { state: filters.state } : {}), ...(after ? { after } : {}) };
    const [rows, counted]: [StoredRequest[], Record<string, number>] = definitionIds.length ? await Promise.all([listRequests(ctx.reads, filter), countRequestsByState(ctx.reads, common)]) : [[], {}];
    const organizations = await organizationsByIds(ctx.reads, rows.map((r) => r.organizationId));
    const nextQuery = rows.length === PAGE_SIZE ? new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), after: pageCursor(rows[rows.length - 1]!) }).toString() : null;
    sendPage(
      res,
      createElement(DeskPage, {
        page: await pageContext(ctx, req, res),
        filters,
        definitions: definitions.map((d) => ({ id: d.id, name: d.meta.name })),
        states: [...states].map(([id, label]) => ({ id, label })),
        counts: [...states].filter(([id]) => counted[id]).map(([id, label]) => ({ state: id, label, count: counted[id]! })),
        rows: rows.map((r) => {
          const definition = ctx.registry.definitions.get(r.definitionId);
          const organization = organizations.get(r.organizationId);
          return {
            id: r.publicId,
            title: requestTitle(r),
            definitionName: definition?.meta.name ?? r.definitionId,
            organization: organization ? `${organization.name} (${organization.siret})` : String(r.organizationId),
            state: r.state,
            stateLabel: definition?.workflow.states[r.state]?.label ?? r.state,
            reopening: r.reopening,
            updatedAt: r.updatedAt,
          };
        }),
        next: nextQuery,
        manages: definitions.some((d) => actorRoles(d, null, { kind: 'user', id: String(caller.userId), roles: caller.roles }).has('manager')) || caller.roles.includes('admin'),
        develops: definitions.some((d) => actorRoles(d, null, { kind: 'user', id: String(caller.userId), roles: caller.roles }).has('developer')) || caller.roles.includes('admin'),
      }),
    );
  });
  return router;
}
