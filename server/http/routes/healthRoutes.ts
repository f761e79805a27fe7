import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';

/** `GET /healthz`: ok once the database answers. */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await ctx.db.raw('select 1');
      if (ctx.reads !== ctx.db) await ctx.reads.raw('select 1');
      res.json({ status: 'ok' });
    } catch (error) {
      ctx.log.error({ err: error }, 'health check: database unavailable');
      res.status(503).json({ status: 'unavailable' });
    }
  });
  return router;
}
