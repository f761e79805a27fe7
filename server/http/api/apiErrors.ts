import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { clientErrorOf } from '../clientErrors.js';

/** Where an error comes from: a member of the body (JSON pointer) or a query parameter. */
export type ErrorSource = { pointer: string } | { parameter: string };

/** One error of the provider API, JSON:API style (`status` is a string there). */
export interface ProviderApiErrorObject {
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: ErrorSource;
}

/** An error of the provider API with its HTTP status. */
export class ProviderApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: { code: string; title: string; detail: string; source?: ErrorSource }[],
    /** The `WWW-Authenticate` challenge of a 401. */
    readonly challenge?: string,
  ) {
    super(errors.map((e) => e.detail).join(' '));
  }

  static of(status: number, code: string, title: string, detail: string, source?: ErrorSource): ProviderApiError {
    return new ProviderApiError(status, [{ code, title, detail, ...(source ? { source } : {}) }]);
  }
}

/** A bad query parameter. */
export const badParameter = (parameter: string, detail: string) => ProviderApiError.of(400, 'PARAMETER_INVALID', 'Invalid parameter', detail, { parameter });

/** What the API answers for an id it does not show to this client: absent or another definition's, alike. */
export const notFoundFor = (what: string) => ProviderApiError.of(404, 'NOT_FOUND', 'Not found', `${what} n’existe pas ou n’est pas accessible à ce client de l’API.`);

/** Every error under /api/v1 as `{ errors: [{ status, code, title, detail, source }] }`. */
export function providerApiErrors(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let status: number;
    let errors: ProviderApiErrorObject[];
    // A malformed request (path, body, encoding) that a library under the app detected is a client error too.
    const known = error instanceof ProviderApiError ? error : clientErrorOf(error);
    if (known) {
      status = known.status;
      errors = known.errors.map((e) => ({ status: String(status), code: e.code, title: e.title, detail: e.detail, ...(e.source ? { source: e.source } : {}) }));
      if (known instanceof ProviderApiError && known.challenge) res.setHeader('WWW-Authenticate', known.challenge);
    } else {
      log.error({ err: error, method: req.method, path: req.originalUrl }, 'unexpected error in the provider API');
      status = 500;
      errors = [{ status: '500', code: 'INTERNAL_ERROR', title: 'Internal error', detail: 'Une erreur inattendue est survenue ; elle a été enregistrée. Réessayez dans un instant.' }];
    }
    res.status(status).setHeader('cache-control', 'no-store').json({ errors });
  };
}
