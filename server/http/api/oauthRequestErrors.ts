import type { NextFunction, Request, Response } from 'express';
import { clientErrorOf } from '../clientErrors.js';

/**
 * A malformed request to the token endpoint (its body, its encoding) answered as RFC 6749 §5.2 has it,
 * `invalid_request`, with the French explanation: a client of an OAuth2 server reads `error`, not `errors`.
 * Anything else goes on to the API's own error handler.
 */
export function oauthRequestErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const known = clientErrorOf(error);
  if (!known) return next(error);
  res.status(known.status).setHeader('cache-control', 'no-store').setHeader('pragma', 'no-cache').json({ error: 'invalid_request', error_description: known.errors.map((e) => e.detail).join(' ') });
}
