import type { Request, Response } from 'express';
import type { PageContext } from '../../../renderer/frame/PageContext.js';
import type { AppContext, Caller } from '../../AppContext.js';
import { organizationsOf } from '../../db/repositories/organizations.js';
import type { User } from '../../db/repositories/users.js';
import { csrfToken } from '../csrf.js';

export const displayName = (u: Pick<User, 'givenName' | 'familyName' | 'email'>) => [u.givenName, u.familyName].filter(Boolean).join(' ') || u.email;

/** The frame's context for this request: the signed-in user, the organisation they act for, the CSRF token. */
export async function pageContext(ctx: AppContext, req: Request, res: Response): Promise<PageContext> {
  const caller = res.locals.caller as Caller | undefined;
  const user = res.locals.user as User | undefined;
  const base: PageContext = { csrfToken: csrfToken(req), path: req.path, logoutAction: req.app.locals.logoutAction ?? '/deconnexion' };
  if (!caller || !user) return base;
  const organizations = await organizationsOf(ctx.reads, caller.userId);
  const current = organizations.find((o) => o.id === caller.organizationId);
  return {
    ...base,
    user: { name: displayName(user), email: user.email },
    organization: current ? { id: current.id, name: current.name, siret: current.siret } : undefined,
    organizationCount: organizations.length,
    canInstruct: user.roles.length > 0,
    isAdmin: user.roles.includes('admin'),
  };
}

/** Only a path of this site: a `retour` parameter can never send the user elsewhere. */
export function safeReturn(value: unknown, fallback = '/demandes'): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
