import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../../AppContext.js';
import { clientOfToken } from '../../apiClients/accessTokens.js';
import type { StoredApiClient } from '../../db/repositories/apiClients.js';
import { ProviderApiError } from './apiErrors.js';

const REALM = 'DataPass';

/** Resolve `Authorization: Bearer <token>` into `res.locals.apiClient`, or answer 401 (RFC 6750). */
export function bearerAuth(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization');
    if (header === undefined) {
      throw new ProviderApiError(401, [{ code: 'TOKEN_MISSING', title: 'Authentication required', detail: 'Envoyez un jeton d’accès : en-tête « Authorization: Bearer <jeton> », obtenu sur /api/v1/oauth/token.' }], `Bearer realm="${REALM}"`);
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const client = match ? await clientOfToken(ctx, match[1]!) : undefined;
    if (!client) {
      throw new ProviderApiError(
        401,
        [{ code: 'TOKEN_INVALID', title: 'Invalid token', detail: 'Le jeton d’accès est inconnu, expiré ou révoqué : demandez-en un nouveau sur /api/v1/oauth/token.' }],
        `Bearer realm="${REALM}", error="invalid_token", error_description="The access token is unknown, expired or revoked"`,
      );
    }
    res.locals.apiClient = client;
    next();
  };
}

/** The authenticated API client of this call. */
export const apiClientOf = (res: Response): StoredApiClient => res.locals.apiClient as StoredApiClient;
