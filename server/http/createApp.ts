import express, { type Express, type Router } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { pinoHttp } from 'pino-http';
import type { AppContext } from '../AppContext.js';
import './session.js';
import { loadCaller } from './caller.js';
import { csrfProtection } from './csrf.js';
import { noStore } from './noStore.js';
import { originCheck } from './originCheck.js';
import { errorHandler } from './errorHandler.js';
import { HttpError } from './HttpError.js';
import { jsonBody } from './jsonBody.js';
import { storableText } from './storableText.js';
import { KnexSessionStore } from './KnexSessionStore.js';
import { definitionRoutes } from './routes/definitionRoutes.js';
import { documentRoutes } from './routes/documentRoutes.js';
import { demoSignInRoutes } from './routes/demoSignInRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { meRoutes } from './routes/meRoutes.js';
import { messageRoutes } from './routes/messageRoutes.js';
import { requestRoutes } from './routes/requestRoutes.js';
import { accountRoutes } from './pages/accountRoutes.js';
import { assetRoutes } from './pages/assetRoutes.js';
import { catalogueRoutes } from './pages/catalogueRoutes.js';
import { pageErrors } from './pages/pageErrors.js';
import { requestPageRoutes } from './pages/requestPageRoutes.js';
import { deskRoutes } from './pages/instruction/deskRoutes.js';
import { teamRoutes } from './pages/instruction/teamRoutes.js';
import { templateRoutes } from './pages/instruction/templateRoutes.js';
import { reviewRoutes } from './pages/instruction/reviewRoutes.js';
import { statsRoutes } from './pages/stats/statsRoutes.js';
import { adminRoutes } from './pages/admin/adminRoutes.js';
import { conventionDownloadRoutes } from './pages/conventions/conventionDownloadRoutes.js';
import { conventionPreviewRoutes } from './pages/conventions/conventionPreviewRoutes.js';
import { conventionVerifyPageRoutes } from './pages/conventions/conventionVerifyPageRoutes.js';
import { conventionVerifyRoutes } from './routes/conventionVerifyRoutes.js';
import { providerApiRoutes } from './api/providerApiRoutes.js';
import { tokenRateLimit } from './api/tokenEndpoint.js';
import { KnexRateLimitStore } from './rateLimitStore.js';
import { emailRoutes } from './pages/emailRoutes.js';
import { webhookRoutes } from './pages/webhookRoutes.js';
import { apiClientRoutes } from './pages/apiClientRoutes.js';

export interface AppOptions {
  /** Signs the session cookie; required. */
  sessionSecret: string;
  /** The demo sign-in page (embedded default). Refused when NODE_ENV is production. */
  demoSignIn?: boolean;
  /** Routes for OpenID Connect sign-in, when configured. */
  oidcRouter?: Router;
  /** Cookies only over HTTPS (production behind TLS). */
  secureCookies?: boolean;
  /**
   * Requests per window (a minute unless `windowMs` says otherwise) and per client, counted in the database so that
   * every process shares them: sign-in routes, state-changing API calls, failed authentications at the provider
   * API's token endpoint (`token`, default 20).
   */
  rateLimits?: { signIn: number; writes: number; token?: number; windowMs?: number };
  /** express's `trust proxy`: which proxies tell the client's address (default: loopback only). */
  trustProxy?: string | number;
  /** The platform's address (`PUBLIC_URL`, read from the environment when absent): state-changing requests from another origin are refused. */
  publicUrl?: string | undefined;
  /** The bytes all the documents of one request may take together (`DOCUMENTS_QUOTA_MB`, default 60 MB). */
  documentsQuotaBytes?: number;
}

const rateLimited = (detail: string) => HttpError.of(429, 'RATE_LIMITED', 'Too many requests', detail);

/**
 * The platform's express app, without listening: the tests drive it directly with a real database and an
 * injected clock (`createApp({ db, registry, clock, log }, options)`).
 */
export function createApp(ctx: AppContext, options: AppOptions): Express {
  if (options.demoSignIn && process.env.NODE_ENV === 'production') {
    throw new Error('The demo sign-in page cannot be enabled when NODE_ENV=production.');
  }
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? 'loopback');
  app.use(pinoHttp({ logger: ctx.log, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(helmet());
  app.use(healthRoutes(ctx));
  app.use(assetRoutes());
  app.use(['/api', '/oauth'], noStore);
  const windowMs = options.rateLimits?.windowMs ?? 60_000;
  const sweepFailed = (error: unknown) => ctx.log.warn({ err: error }, 'rate limits: sweeping expired rows failed');
  app.use(['/api/v1/oauth/token', '/oauth/token'], tokenRateLimit(ctx, { limit: options.rateLimits?.token ?? 20, windowMs }));
  // The provider API authenticates each call with a bearer token: no session, no CSRF token.
  app.use(providerApiRoutes(ctx));
  app.use(
    session({
      name: 'datapass.sid',
      secret: options.sessionSecret,
      // Session expiry follows the wall clock, like the cookie's own expiry, not the injectable one.
      store: new KnexSessionStore(ctx.db, undefined, ctx.reads),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies ?? false, maxAge: 8 * 60 * 60 * 1000 },
    }),
  );
  const limits = options.rateLimits ?? { signIn: 30, writes: 600 };
  const signInLimiter = rateLimit({ windowMs, limit: limits.signIn, store: new KnexRateLimitStore(ctx.db, 'sign-in', sweepFailed), standardHeaders: 'draft-8', legacyHeaders: false, handler: (_req, _res, next) => next(rateLimited('Trop de tentatives de connexion : attendez une minute.')) });
  const writeLimiter = rateLimit({
    windowMs,
    limit: limits.writes,
    store: new KnexRateLimitStore(ctx.db, 'writes', sweepFailed),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method === 'GET' || req.method === 'HEAD',
    keyGenerator: (req) => (req.session?.userId ? `user:${req.session.userId}` : ipKeyGenerator(req.ip ?? 'unknown')),
    handler: (_req, _res, next) => next(rateLimited('Trop de modifications en peu de temps : attendez une minute.')),
  });
  app.use('/auth', signInLimiter);
  app.use('/api', writeLimiter);
  // After the provider API: a bearer token is never sent by a browser on its own, so no other site can forge its calls.
  app.use(originCheck(options.publicUrl ?? process.env.PUBLIC_URL));
  // Bodies are read after the session and the rate limits: a refused caller costs no parsing, and an error
  // page for a malformed body still knows its session. The provider API, above, reads its own.
  app.use(jsonBody());
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(storableText);
  app.use(csrfProtection);
  app.use(loadCaller(ctx));
  if (options.demoSignIn) app.use(demoSignInRoutes(ctx));
  if (options.oidcRouter) app.use(options.oidcRouter);
  app.use(meRoutes(ctx));
  app.use(definitionRoutes(ctx));
  app.use(requestRoutes(ctx));
  app.use(messageRoutes(ctx));
  app.use(documentRoutes(ctx, { quotaBytes: options.documentsQuotaBytes }));
  app.locals.logoutAction = options.oidcRouter ? '/auth/logout' : '/deconnexion';
  app.use(catalogueRoutes(ctx));
  app.use(requestPageRoutes(ctx));
  app.use(deskRoutes(ctx));
  app.use(templateRoutes(ctx));
  app.use(teamRoutes(ctx));
  app.use(reviewRoutes(ctx));
  app.use(statsRoutes(ctx));
  app.use(adminRoutes(ctx));
  app.use(conventionVerifyRoutes(ctx));
  app.use(conventionVerifyPageRoutes(ctx));
  app.use(conventionDownloadRoutes(ctx));
  app.use(conventionPreviewRoutes(ctx));
  app.use(webhookRoutes(ctx));
  app.use(apiClientRoutes(ctx));
  app.use(emailRoutes(ctx));
  app.use(accountRoutes(ctx, { demoSignIn: options.demoSignIn ?? false, proConnect: Boolean(options.oidcRouter) }));
  app.use((_req, _res, next) => next(HttpError.of(404, 'NOT_FOUND', 'Not found', 'Cette page n’existe pas.')));
  app.use(pageErrors(ctx));
  app.use(errorHandler(ctx.log));
  return app;
}
