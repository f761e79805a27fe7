import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { clientErrorOf } from './clientErrors.js';

/** Every error as `{ errors: [{ code, title, detail, source }] }`; the client's mistakes as 4xx, unexpected ones logged, never shown. */
export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = clientErrorOf(error);
    if (known) {
      res.status(known.status).json({ errors: known.errors });
      return;
    }
    log.error({ err: error, method: req.method, path: req.originalUrl }, 'unexpected error');
    res.status(500).json({ errors: [{ code: 'INTERNAL_ERROR', title: 'Internal error', detail: 'Une erreur inattendue est survenue ; elle a été enregistrée. Réessayez dans un instant.' }] });
  };
}
