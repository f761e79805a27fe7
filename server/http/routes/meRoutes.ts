import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';
import { isMember, organizationsOf } from '../../db/repositories/organizations.js';
import { callerOf } from '../caller.js';
import { csrfToken } from '../csrf.js';
import { HttpError } from '../HttpError.js';
import { parseRowId } from '../../db/rowId.js';

/** Who is signed in, their organisations, and switching the organisation they act for. */
export function meRoutes(ctx: AppContext): Router {
  const router = Router();

  // The CSRF token scripts send back in `x-csrf-token`; available before sign-in too.
  router.get('/api/csrf', (req, res) => {
    res.json({ token: csrfToken(req) });
  });

  router.get('/api/me', async (req, res) => {
    const caller = callerOf(res);
    res.json({ user: res.locals.user, organizations: await organizationsOf(ctx.reads, caller.userId), currentOrganizationId: caller.organizationId ?? null, csrfToken: csrfToken(req) });
  });

  router.post('/api/me/organization', async (req, res) => {
    const caller = callerOf(res);
    const organizationId = parseRowId(req.body?.organizationId);
    if (organizationId === undefined || !(await isMember(ctx.reads, caller.userId, organizationId))) {
      throw HttpError.of(422, 'NOT_A_MEMBER', 'Not a member', 'Vous n’êtes pas membre de cette organisation.', '/organizationId');
    }
    req.session.organizationId = String(organizationId);
    res.json({ currentOrganizationId: organizationId });
  });

  return router;
}
