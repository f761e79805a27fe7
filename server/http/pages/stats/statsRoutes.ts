import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { StatsPage } from '../../../../renderer/pages/stats/StatsPage.js';
import type { AppContext } from '../../../AppContext.js';
import { requestStatistics } from '../../../db/repositories/statistics.js';
import { closedPeriodsOf } from '../../../db/repositories/statisticsClosedPeriods.js';
import { callerOf } from '../../caller.js';
import { HttpError } from '../../HttpError.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { statsPageView } from './statsPageView.js';

/**
 * The statistics, for everyone at `/stats` (no sign-in) and in the administration at `/admin/statistiques`
 * (admins only): the same figures, for every definition or the one of `?definition=`.
 */
export function statsRoutes(ctx: AppContext): Router {
  const router = Router();
  const show = async (req: Request, res: Response, variant: 'public' | 'admin') => {
    const definition = typeof req.query.definition === 'string' ? req.query.definition.trim() : '';
    if (definition && !ctx.registry.definitions.has(definition)) {
      throw HttpError.of(404, 'UNKNOWN_DEFINITION', 'Unknown definition', `L’habilitation « ${definition} » n’existe pas : choisissez-en une dans la liste des statistiques.`);
    }
    const stats = await requestStatistics(ctx.reads, { now: ctx.clock.now(), definitionId: definition || undefined, closedPeriods: closedPeriodsOf(ctx.reads) });
    sendPage(res, createElement(StatsPage, { page: await pageContext(ctx, req, res), variant, view: statsPageView(ctx.registry, stats, definition || undefined) }));
  };
  router.get('/stats', (req, res) => show(req, res, 'public'));
  router.get('/admin/statistiques', (req, res) => {
    const caller = callerOf(res);
    if (!caller.roles.includes('admin')) {
      throw HttpError.of(403, 'NOT_AN_ADMIN', 'Forbidden', 'Les statistiques de l’administration sont réservées aux administrateurs de DataPass. Les mêmes chiffres sont publics sur la page Statistiques (/stats).');
    }
    return show(req, res, 'admin');
  });
  return router;
}
