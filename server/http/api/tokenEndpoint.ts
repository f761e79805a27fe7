import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../../AppContext.js';
import { authenticateClient, issueAccessToken } from '../../apiClients/accessTokens.js';
import { KnexRateLimitStore } from '../rateLimitStore.js';

/** An error of the token endpoint, as RFC 6749 §5.2 has it. */
function oauthError(res: Response, status: number, error: string, description: string, basic = false): void {
  if (status === 401) res.setHeader('WWW-Authenticate', `Basic realm="DataPass"${basic ? ', charset="UTF-8"' : ''}`);
  res.status(status).setHeader('cache-control', 'no-store').setHeader('pragma', 'no-cache').json({ error, error_description: description });
}

const field = (body: unknown, name: string): string | undefined => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/** RFC 6749 §2.3.1: the Basic user and password are form-urlencoded first. */
const formDecoded = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** The client's id and secret, by HTTP Basic or in the body (not both), or why not. */
function clientCredentials(req: Request): { clientId: string; secret: string; basic: boolean } | { problem: string; basic: boolean } {
  const header = req.get('authorization');
  const bodyId = field(req.body, 'client_id');
  const bodySecret = field(req.body, 'client_secret');
  if (header !== undefined) {
    const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!match) return { problem: 'L’en-tête Authorization doit être « Basic » suivi de client_id:client_secret en base64.', basic: true };
    if (bodySecret !== undefined) return { problem: 'Authentifiez le client d’une seule façon : en-tête Basic ou client_id et client_secret dans le corps, pas les deux.', basic: true };
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { problem: 'L’en-tête Basic doit contenir client_id:client_secret.', basic: true };
    return { clientId: formDecoded(decoded.slice(0, colon)), secret: formDecoded(decoded.slice(colon + 1)), basic: true };
  }
  if (bodyId === undefined || bodySecret === undefined) return { problem: 'Authentifiez le client : en-tête Basic, ou client_id et client_secret dans le corps.', basic: false };
  return { clientId: bodyId, secret: bodySecret, basic: false };
}

/** `POST /api/v1/oauth/token`: the OAuth2 client credentials grant (RFC 6749 §4.4). */
export function tokenEndpoint(ctx: AppContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const grantType = field(req.body, 'grant_type');
    if (grantType === undefined) return oauthError(res, 400, 'invalid_request', 'Indiquez grant_type=client_credentials.');
    if (grantType !== 'client_credentials') return oauthError(res, 400, 'unsupported_grant_type', `Seul grant_type=client_credentials est accepté (« ${grantType} » reçu).`);
    const credentials = clientCredentials(req);
    if ('problem' in credentials) return oauthError(res, credentials.basic ? 401 : 400, credentials.basic ? 'invalid_client' : 'invalid_request', credentials.problem, credentials.basic);
    const client = await authenticateClient(ctx, credentials.clientId, credentials.secret);
    if (!client) {
      ctx.log.warn({ clientId: credentials.clientId.slice(0, 64) }, 'provider API: client authentication failed');
      return oauthError(res, 401, 'invalid_client', 'Client inconnu, secret incorrect ou client révoqué.', credentials.basic);
    }
    const { accessToken, expiresIn } = await issueAccessToken(ctx, client);
    res.status(200).setHeader('cache-control', 'no-store').setHeader('pragma', 'no-cache').json({ access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn });
  };
}

/**
 * The token endpoint's limit on failed client authentications per client address, counted in the database so
 * that every server process shares it: secrets are 256 random bits, but a flood of guesses still costs a SHA-256
 * and a query each, and shows in the logs as noise. Successful authentications are not counted, so a client that
 * knows its secret is limited only after failures from its own address. Beyond the limit: 429 in the provider
 * API's error shape, with `Retry-After` and the `RateLimit` headers.
 */
export function tokenRateLimit(ctx: AppContext, options: { limit: number; windowMs: number }) {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    store: new KnexRateLimitStore(ctx.db, 'oauth-token', (error) => ctx.log.warn({ err: error }, 'rate limits: sweeping expired rows failed')),
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (req, res) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000));
      ctx.log.warn({ ip: req.ip }, 'provider API: token endpoint rate limit reached');
      res.status(429).json({
        errors: [{ status: '429', code: 'RATE_LIMITED', title: 'Too many requests', detail: `Trop d’échecs d’authentification de client depuis cette adresse : réessayez dans ${seconds} s.` }],
      });
    },
  });
}
