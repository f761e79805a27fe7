import type { NextFunction, Request, Response } from 'express';
import type { AppContext, Caller } from '../AppContext.js';
import { isMember } from '../db/repositories/organizations.js';
import { findUser } from '../db/repositories/users.js';
import { unauthenticated } from './HttpError.js';

/** Resolve the signed-in user of the session into `res.locals.caller` (roles and current organisation). */
export function loadCaller(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const userId = req.session?.userId;
      if (userId !== undefined) {
        const user = await findUser(ctx.reads, Number(userId));
        if (!user) {
          delete req.session.userId;
          delete req.session.organizationId;
        } else {
          let organizationId = req.session.organizationId !== undefined ? Number(req.session.organizationId) : undefined;
          // A membership removed since sign-in no longer lets the user act for that organisation.
          if (organizationId !== undefined && !(await isMember(ctx.reads, user.id, organizationId))) {
            delete req.session.organizationId;
            organizationId = undefined;
          }
          const caller: Caller = { userId: user.id, roles: user.roles, organizationId };
          res.locals.caller = caller;
          res.locals.user = user;
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The signed-in caller, or a 401. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw unauthenticated();
  return caller;
}
