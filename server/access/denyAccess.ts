import type { Request } from 'express';
import type { AppContext, Caller } from '../AppContext.js';
import { recordDenial } from '../db/repositories/accessDenials.js';
import { notFound, type HttpError } from '../http/HttpError.js';

/**
 * Refuse an access: recorded in `access_denials` and logged, then answered as "not found", so that the
 * answer never tells whether another organisation's request exists.
 */
export async function denyAccess(ctx: AppContext, caller: Caller | undefined, req: Pick<Request, 'method' | 'originalUrl'>, reason: string, what?: string): Promise<HttpError> {
  const at = ctx.clock.now().toISOString();
  ctx.log.warn({ userId: caller?.userId, method: req.method, path: req.originalUrl, reason }, 'access denied');
  await recordDenial(ctx.db, { userId: caller?.userId, method: req.method, path: req.originalUrl, reason, at });
  return notFound(what);
}
