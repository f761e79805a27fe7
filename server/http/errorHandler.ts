import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { HttpError } from './HttpError.js';

/** Every error as `{ errors: [{ code, title, detail, source }] }`; unexpected ones logged, never shown. */
export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (error instanceof HttpError) {
      res.status(error.status).json({ errors: error.errors });
      return;
    }
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      res.status(413).json({ errors: [{ code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', detail: 'La requête est trop volumineuse.' }] });
      return;
    }
    if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ code: 'JSON_INVALID', title: 'Invalid JSON', detail: 'Le corps de la requête n’est pas du JSON valide.' }] });
      return;
    }
    log.error({ err: error, method: req.method, path: req.originalUrl }, 'unexpected error');
    res.status(500).json({ errors: [{ code: 'INTERNAL_ERROR', title: 'Internal error', detail: 'Une erreur inattendue est survenue ; elle a été enregistrée. Réessayez dans un instant.' }] });
  };
}
