import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../../../AppContext.js';
import { callerOf } from '../../caller.js';
import { HttpError } from '../../HttpError.js';

/** Only admins go further: anyone else signed in gets a 403 page, and is logged; nobody signed in, the sign-in page. */
export function requireAdmin(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const caller = callerOf(res);
    if (!caller.roles.includes('admin')) {
      ctx.log.warn({ userId: caller.userId, method: req.method, path: req.originalUrl }, 'administration refused to a non-admin');
      throw HttpError.of(403, 'NOT_AN_ADMIN', 'Forbidden', 'L’administration est réservée aux administrateurs de DataPass.');
    }
    next();
  };
}
