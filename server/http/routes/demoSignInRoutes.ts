import { Router, type Request } from 'express';
import type { AppContext } from '../../AppContext.js';
import { organizationsOf } from '../../db/repositories/organizations.js';
import { findUserIdByEmail } from '../../db/repositories/users.js';
import { safeReturn } from '../pages/pageContext.js';
import { TEXT_LIMITS, textTooLong } from '../textLimits.js';
import { HttpError } from '../HttpError.js';

/** Regenerate the session (no fixation) and sign `userId` in, acting for `organizationId` when given. */
export async function signIn(req: Request, userId: number, organizationId?: number): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
  req.session.userId = String(userId);
  if (organizationId !== undefined) req.session.organizationId = String(organizationId);
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}

/**
 * The demo sign-in page of the embedded default: every seeded account, one click each. Never mounted when
 * NODE_ENV is production (the app refuses to build with it).
 */
export function demoSignInRoutes(ctx: AppContext): Router {
  const router = Router();
  // The demo accounts are listed on the sign-in page.
  router.get('/auth/demo', (_req, res) => res.redirect(303, '/connexion'));
  router.post('/auth/demo', async (req, res) => {
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    const tooLong = textTooLong('L’adresse e-mail', email, TEXT_LIMITS.email);
    if (tooLong) throw HttpError.of(422, 'TEXT_TOO_LONG', 'Text too long', tooLong, '/email');
    const userId = email ? await findUserIdByEmail(ctx.reads, email) : undefined;
    if (userId === undefined) throw HttpError.of(422, 'UNKNOWN_ACCOUNT', 'Unknown account', `Aucun compte de démonstration n’a l’adresse « ${email} ».`, '/email');
    const [first] = await organizationsOf(ctx.reads, userId);
    await signIn(req, userId, first?.id);
    if (req.accepts(['html', 'json']) === 'json') res.json({ userId, organizationId: first?.id ?? null });
    else res.redirect(303, safeReturn(req.body?.returnTo, '/'));
  });
  return router;
}
