import { Router } from 'express';
import { createElement } from 'react';
import { AdminHomePage } from '../../../../renderer/pages/admin/AdminHomePage.js';
import type { AppContext } from '../../../AppContext.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { definitionAdminRoutes } from './definitionAdminRoutes.js';
import { requireAdmin } from './requireAdmin.js';
import { userAdminRoutes } from './userAdminRoutes.js';

/**
 * The administration, for admins only (role `admin`): its home, the users and their roles, the definitions.
 * The guard covers every path under /admin that reaches this router: a router mounted after it (the statistics)
 * is covered too.
 */
export function adminRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use('/admin', requireAdmin(ctx));
  router.get('/admin', async (req, res) => {
    const loaded = ctx.registry.definitions.size;
    sendPage(res, createElement(AdminHomePage, { page: await pageContext(ctx, req, res), definitions: { loaded, broken: ctx.registry.results.length - loaded } }));
  });
  router.use(userAdminRoutes(ctx));
  router.use(definitionAdminRoutes(ctx));
  return router;
}
