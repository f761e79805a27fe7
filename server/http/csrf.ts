import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './HttpError.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's synchronizer token, created on first use (and the session saved with it). */
export function csrfToken(req: Request): string {
  if (!req.session.csrfToken) req.session.csrfToken = randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

/**
 * Every state-changing request carries the session's token, in the `x-csrf-token` header (scripts) or the
 * `_csrf` form field (HTML forms): a page of another site cannot read it, so it cannot forge the request.
 */
export function csrfProtection(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) return next();
  const expected = req.session?.csrfToken;
  const header = req.get('x-csrf-token');
  const sent = header !== undefined ? header : typeof req.body?._csrf === 'string' ? (req.body._csrf as string) : undefined;
  if (!expected || !sent || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
    return next(HttpError.of(403, 'CSRF_TOKEN_INVALID', 'CSRF token invalid', 'Cette action n’a pas pu être vérifiée (jeton de sécurité absent ou expiré). Rechargez la page et recommencez.'));
  }
  next();
}
