import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every answer under it, errors included: JSON answers hold a user's data, the
 * session's CSRF token (`/api/me`, `/api/csrf`) or an access token, which no browser or proxy cache may keep.
 * Set before the routes run, so that an answer made anywhere below (a route, a limiter, an error handler) has it.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
