import { Router } from 'express';
import { createElement } from 'react';
import { MessagePage } from '../../../renderer/pages/MessagePage.js';
import { OrganizationPage } from '../../../renderer/pages/OrganizationPage.js';
import { SignInPage } from '../../../renderer/pages/SignInPage.js';
import type { AppContext } from '../../AppContext.js';
import { isMember, organizationsOf } from '../../db/repositories/organizations.js';
import { listUsers } from '../../db/repositories/users.js';
import { callerOf } from '../caller.js';
import { HttpError } from '../HttpError.js';
import { displayName, pageContext, safeReturn } from './pageContext.js';
import { sendPage } from './sendPage.js';
import { parseRowId } from '../../db/rowId.js';

/** Signing in and out, choosing the organisation, and the accessibility statement. */
export function accountRoutes(ctx: AppContext, options: { demoSignIn: boolean; proConnect: boolean }): Router {
  const router = Router();

  router.get('/connexion', async (req, res) => {
    // By default back to `/`, which sends each person to their own home (an applicant's requests, an instructor's desk).
    const returnTo = safeReturn(req.query.retour, '/');
    if (res.locals.caller) return void res.redirect(303, returnTo);
    let demoAccounts;
    if (options.demoSignIn) {
      demoAccounts = [];
      for (const user of await listUsers(ctx.reads)) {
        const organizations = await organizationsOf(ctx.reads, user.id);
        demoAccounts.push({ email: user.email, name: displayName(user), roles: user.roles.join(', '), organizations: organizations.map((o) => o.name).join(', ') });
      }
    }
    sendPage(res, createElement(SignInPage, { page: await pageContext(ctx, req, res), proConnect: options.proConnect, demoAccounts, returnTo }));
  });

  // Without ProConnect, signing out ends the platform's session only.
  router.post('/deconnexion', (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('datapass.sid');
      res.redirect(303, '/catalogue');
    });
  });

  router.get('/organisation', async (req, res) => {
    const caller = callerOf(res);
    const organizations = await organizationsOf(ctx.reads, caller.userId);
    sendPage(res, createElement(OrganizationPage, { page: await pageContext(ctx, req, res), organizations: organizations.map((o) => ({ id: o.id, name: o.name, siret: o.siret, closed: o.closed })), returnTo: safeReturn(req.query.retour ?? req.get('referer')?.replace(/^https?:\/\/[^/]+/, '')) }));
  });

  router.post('/organisation', async (req, res) => {
    const caller = callerOf(res);
    const organizationId = parseRowId(req.body?.organizationId);
    if (organizationId === undefined || !(await isMember(ctx.reads, caller.userId, organizationId))) {
      throw HttpError.of(422, 'NOT_A_MEMBER', 'Not a member', 'Choisissez une de vos organisations.', '/organizationId');
    }
    req.session.organizationId = String(organizationId);
    res.redirect(303, safeReturn(req.body?.returnTo));
  });

  router.get('/accessibilite', async (req, res) => {
    sendPage(
      res,
      createElement(
        MessagePage,
        { page: await pageContext(ctx, req, res), title: 'Déclaration d’accessibilité' },
        createElement('p', null, 'DataPass est partiellement conforme au référentiel général d’amélioration de l’accessibilité (RGAA 4.1) : aucun audit n’a encore été mené. Chaque page est vérifiée automatiquement (axe-core) à chaque évolution, sans anomalie grave ni critique. Pour signaler un défaut d’accessibilité, écrivez à l’équipe du service.'),
      ),
    );
  });

  return router;
}
