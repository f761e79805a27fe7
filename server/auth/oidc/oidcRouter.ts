import '../../http/session.js';

import { Router, type Request, type Response } from 'express';
import * as client from 'openid-client';

import type { OidcSettings } from './oidcSettings.js';

/**
 * The identity the provider vouches for: the ID token's claims merged with the UserInfo response (JSON or
 * signed JWT), UserInfo winning; the JWT plumbing (`iss`, `aud`, `exp`, `iat`, `nonce`, `at_hash`…) is left out.
 * The named fields are ProConnect's; any other claim the provider sends is there too.
 */
export interface OidcClaims {
  /** The user's stable identifier at the provider (per client, in ProConnect). */
  sub: string;
  email?: string;
  given_name?: string;
  /** ProConnect's family name. */
  usual_name?: string;
  /** The standard family name, for providers other than ProConnect. */
  family_name?: string;
  /** The user's identifier at their own identity provider. */
  uid?: string;
  /** The SIRET of the user's organisation (14 digits). */
  siret?: string;
  phone_number?: string;
  /** Which identity provider of the federation signed the user in. */
  idp_id?: string;
  acr?: string;
  amr?: string[];
  auth_time?: number;
  [claim: string]: unknown;
}

/** What the application decided for this sign-in: the user (created or found) and the organisation they act for. */
export interface OidcLoginResult {
  userId: string;
  organizationId?: string;
}

/** The raw material behind {@link OidcClaims}, for audit or for a claim this module does not know. */
export interface OidcLoginContext {
  idTokenClaims: Readonly<Record<string, unknown>>;
  /** The UserInfo response, `undefined` when the provider has no UserInfo endpoint. */
  userInfo: Readonly<Record<string, unknown>> | undefined;
  req: Request;
}

export type OidcLogLevel = 'info' | 'warn' | 'error';

export interface OidcHooks {
  /**
   * Called once the provider's answer is verified: upserts the user (and their organisation from `siret`).
   * Throw an {@link OidcLoginRefusedError} to refuse the sign-in with a message for the user (403); any other
   * error gives a generic 500 page, logged.
   */
  onLogin(claims: OidcClaims, context: OidcLoginContext): Promise<OidcLoginResult> | OidcLoginResult;
  /** Where the module reports failures (never tokens, codes or secrets). */
  log?(level: OidcLogLevel, message: string, details?: Record<string, unknown>): void;
}

export interface OidcRouterOptions {
  /** Timeout of each call to the provider (discovery, token, UserInfo, keys). Default 10 seconds. */
  httpTimeoutSeconds?: number;
  /** The session cookie's name (express-session's `name`, default `connect.sid`), cleared on logout when given. */
  sessionCookieName?: string;
}

/** Thrown by {@link OidcHooks.onLogin} to refuse a sign-in; `detail` (French) is shown to the user. */
export class OidcLoginRefusedError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'OidcLoginRefusedError';
  }
}

/** `returnTo` if it is a path on this site (`/…`, not `//…` nor `/\…`), else `/`: never an open redirect. */
export function safeReturnTo(returnTo: unknown): string {
  if (typeof returnTo !== 'string' || returnTo.length > 2048) return '/';
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines from URLs and read `\` as `/`: refuse them anywhere.
  if (/[\u0000-\u001f\u007f\\]/.test(returnTo)) return '/';
  return returnTo;
}

/** JWT plumbing, not identity: left out of {@link OidcClaims}. */
const PROTOCOL_CLAIMS = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'nonce', 'at_hash', 'c_hash', 's_hash', 'azp']);

/** Provider `error` values with a French explanation; any other shows the generic one. */
const PROVIDER_ERRORS: Record<string, string> = {
  access_denied: 'La connexion a été annulée ou refusée auprès du fournisseur d’identité.',
  login_required: 'Le fournisseur d’identité demande de vous reconnecter.',
  consent_required: 'Le fournisseur d’identité n’a pas obtenu votre consentement.',
  interaction_required: 'Le fournisseur d’identité demande une action de votre part.',
  temporarily_unavailable: 'Le fournisseur d’identité est momentanément indisponible.',
  server_error: 'Le fournisseur d’identité a rencontré une erreur.',
};

interface OidcFailure {
  status: number;
  code: string;
  title: string;
  detail: string;
}

const failure = (status: number, code: string, title: string, detail: string): OidcFailure => ({ status, code, title, detail });

const RETRY = ' Recommencez la connexion.';

/**
 * The OpenID Connect sign-in (authorization code flow with PKCE S256, state and nonce), for ProConnect or any
 * conforming provider:
 * - `GET /auth/oidc/login?returnTo=/path`: redirects (302) to the provider;
 * - `GET /auth/oidc/callback`: verifies the answer, calls `hooks.onLogin(claims)`, regenerates the session and
 *   stores `userId`, `organizationId` and `idToken` in it, then redirects (302) to `returnTo`;
 * - `POST /auth/logout`: destroys the session and redirects (303) to the provider's logout, or to `/`.
 *
 * Needs express-session mounted before it, with a cookie sent on the provider's redirect back
 * (`sameSite: 'lax'`, not `'strict'`). Failures answer 400, 403 or 502 with a French page, or with
 * `{ errors: [{ code, title, detail }] }` to a client that asks for JSON.
 */
export function createOidcRouter(settings: OidcSettings, hooks: OidcHooks, options: OidcRouterOptions = {}): Router {
  const router = Router();
  const getConfiguration = cachedDiscovery(settings, options.httpTimeoutSeconds ?? 10);
  const scope = settings.scopes.includes('openid') ? settings.scopes.join(' ') : ['openid', ...settings.scopes].join(' ');
  const log = (level: OidcLogLevel, message: string, details?: Record<string, unknown>) => {
    try {
      hooks.log?.(level, message, details);
    } catch {
      // A broken logger must not break the sign-in.
    }
  };

  router.get('/auth/oidc/login', async (req, res) => {
    if (!req.session) return sendFailure(req, res, noSessionMiddleware(log));
    const returnTo = safeReturnTo(req.query.returnTo);

    let configuration: client.Configuration;
    try {
      configuration = await getConfiguration();
    } catch (error) {
      log('error', 'OIDC discovery failed', { issuer: settings.issuer, ...describe(error) });
      return sendFailure(req, res, providerUnavailable());
    }

    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });

    req.session.oidc = { state, nonce, codeVerifier, returnTo };
    try {
      await saveSession(req);
    } catch (error) {
      log('error', 'OIDC login: the session could not be saved', describe(error));
      return sendFailure(req, res, sessionFailure());
    }
    res.redirect(302, authorizationUrl.href);
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    if (!req.session) return sendFailure(req, res, noSessionMiddleware(log));

    const pending = req.session.oidc;
    // A pending sign-in is good for one answer only, whatever the outcome (express-session saves the change).
    if (pending) delete req.session.oidc;
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;

    const providerError = query.get('error');
    if (providerError !== null) {
      log('warn', 'OIDC callback: the provider answered an error', {
        error: providerError.slice(0, 100),
        errorDescription: query.get('error_description')?.slice(0, 300),
        pendingLogin: pending !== undefined,
      });
      // The provider's own words come from the URL and are not shown: anyone can forge them.
      const detail = PROVIDER_ERRORS[providerError] ?? 'Le fournisseur d’identité n’a pas pu vous connecter.';
      return sendFailure(req, res, failure(400, 'OIDC_PROVIDER_ERROR', 'Sign-in failed', detail + RETRY), pending?.returnTo);
    }
    if (!pending) {
      log('warn', 'OIDC callback without a sign-in in progress in this session');
      return sendFailure(
        req,
        res,
        failure(400, 'OIDC_NO_LOGIN_IN_PROGRESS', 'Sign-in failed', 'Aucune connexion n’est en cours dans ce navigateur : elle a expiré, a déjà été utilisée, ou les cookies sont bloqués.' + RETRY),
      );
    }
    if (query.get('state') !== pending.state) {
      log('warn', 'OIDC callback: state mismatch');
      return sendFailure(req, res, failure(400, 'OIDC_STATE_MISMATCH', 'Sign-in failed', 'La réponse du fournisseur d’identité ne correspond pas à la connexion en cours.' + RETRY), pending.returnTo);
    }
    if (!query.get('code')) {
      log('warn', 'OIDC callback without a code');
      return sendFailure(req, res, failure(400, 'OIDC_MISSING_CODE', 'Sign-in failed', 'La réponse du fournisseur d’identité est incomplète.' + RETRY), pending.returnTo);
    }

    let configuration: client.Configuration;
    try {
      configuration = await getConfiguration();
    } catch (error) {
      log('error', 'OIDC discovery failed', { issuer: settings.issuer, ...describe(error) });
      return sendFailure(req, res, providerUnavailable(), pending.returnTo);
    }

    // The registered redirect URI with the provider's parameters: right behind a proxy too.
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = query.toString();

    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    let idTokenClaims: client.IDToken;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new Error('no ID token in the token response');
      idTokenClaims = claims;
    } catch (error) {
      log('error', 'OIDC callback: the code exchange failed', describe(error));
      return sendFailure(req, res, failure(502, 'OIDC_EXCHANGE_FAILED', 'Sign-in failed', 'La connexion n’a pas pu être finalisée auprès du fournisseur d’identité.' + RETRY), pending.returnTo);
    }

    let userInfo: Record<string, unknown> | undefined;
    if (configuration.serverMetadata().userinfo_endpoint) {
      try {
        // JSON or a signed JWT (ProConnect), as the provider answers; `sub` must be the ID token's.
        userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idTokenClaims.sub);
      } catch (error) {
        log('error', 'OIDC callback: UserInfo failed', describe(error));
        return sendFailure(req, res, failure(502, 'OIDC_USERINFO_FAILED', 'Sign-in failed', 'Votre identité n’a pas pu être obtenue auprès du fournisseur d’identité.' + RETRY), pending.returnTo);
      }
    }

    const claims = identityClaims(idTokenClaims, userInfo);
    let result: OidcLoginResult;
    try {
      result = await hooks.onLogin(claims, { idTokenClaims, userInfo, req });
      if (typeof result?.userId !== 'string' || result.userId === '') throw new Error('onLogin returned no userId');
    } catch (error) {
      if (error instanceof OidcLoginRefusedError) {
        log('warn', 'OIDC sign-in refused by the application', { sub: claims.sub, reason: error.detail });
        return sendFailure(req, res, failure(403, 'OIDC_LOGIN_REFUSED', 'Sign-in refused', error.detail));
      }
      log('error', 'OIDC callback: onLogin failed', { sub: claims.sub, ...describe(error) });
      return sendFailure(req, res, failure(500, 'OIDC_LOGIN_FAILED', 'Sign-in failed', 'Une erreur est survenue pendant votre connexion. Réessayez dans quelques instants.'));
    }

    try {
      // A fresh session id on sign-in: a session id planted before it is worth nothing (session fixation).
      await regenerateSession(req);
      req.session.userId = result.userId;
      if (result.organizationId !== undefined) req.session.organizationId = result.organizationId;
      req.session.idToken = tokens.id_token;
      await saveSession(req);
    } catch (error) {
      log('error', 'OIDC callback: the session could not be regenerated', describe(error));
      return sendFailure(req, res, sessionFailure());
    }
    log('info', 'OIDC sign-in', { sub: claims.sub, userId: result.userId, organizationId: result.organizationId, idp: claims.idp_id });
    res.redirect(302, safeReturnTo(pending.returnTo));
  });

  router.post('/auth/logout', async (req, res) => {
    const idToken = req.session?.idToken;
    if (req.session) {
      try {
        await destroySession(req);
      } catch (error) {
        log('error', 'Logout: the session could not be destroyed', describe(error));
        return sendFailure(req, res, failure(500, 'LOGOUT_FAILED', 'Logout failed', 'La déconnexion a échoué. Réessayez.'));
      }
    }
    if (options.sessionCookieName) res.clearCookie(options.sessionCookieName, { path: '/' });

    let target = '/';
    if (idToken) {
      try {
        const configuration = await getConfiguration();
        if (configuration.serverMetadata().end_session_endpoint) {
          target = client.buildEndSessionUrl(configuration, {
            id_token_hint: idToken,
            ...(settings.postLogoutRedirectUri ? { post_logout_redirect_uri: settings.postLogoutRedirectUri } : {}),
            state: client.randomState(),
          }).href;
        }
      } catch (error) {
        // Signed out here; the provider's session lives on. Better than no logout at all.
        log('warn', 'Logout: the provider is unreachable, local logout only', describe(error));
      }
    }
    res.redirect(303, target);
  });

  return router;
}

/** Discovery once, shared by concurrent requests; a failure is not kept, so the next request tries again. */
function cachedDiscovery(settings: OidcSettings, timeout: number): () => Promise<client.Configuration> {
  let configuration: Promise<client.Configuration> | undefined;
  return () => {
    configuration ??= (async () => {
      const config = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret },
        undefined,
        { timeout, ...(settings.allowInsecureHttp ? { execute: [client.allowInsecureRequests] } : {}) },
      );
      // Verify the signatures of the ID token and of a JWT UserInfo against the provider's keys, too.
      if (config.serverMetadata().jwks_uri) client.enableNonRepudiationChecks(config);
      return config;
    })().catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
}

function identityClaims(idTokenClaims: Record<string, unknown>, userInfo: Record<string, unknown> | undefined): OidcClaims {
  const merged: Record<string, unknown> = {};
  for (const source of [idTokenClaims, userInfo ?? {}]) {
    for (const [name, value] of Object.entries(source)) {
      if (!PROTOCOL_CLAIMS.has(name) && value !== undefined) merged[name] = value;
    }
  }
  return { ...merged, sub: idTokenClaims.sub as string };
}

function providerUnavailable(): OidcFailure {
  return failure(502, 'OIDC_PROVIDER_UNAVAILABLE', 'Identity provider unavailable', 'Le fournisseur d’identité est injoignable pour le moment. Réessayez dans quelques instants.');
}

function sessionFailure(): OidcFailure {
  return failure(500, 'SESSION_UNAVAILABLE', 'Session unavailable', 'Votre session n’a pas pu être enregistrée. Réessayez dans quelques instants.');
}

function noSessionMiddleware(log: (level: OidcLogLevel, message: string) => void): OidcFailure {
  log('error', 'OIDC router mounted without express-session: req.session is undefined');
  return sessionFailure();
}

function sendFailure(req: Request, res: Response, { status, code, title, detail }: OidcFailure, returnTo?: string): void {
  res.status(status).set('Cache-Control', 'no-store');
  if (req.accepts(['html', 'json']) === 'json') {
    res.json({ errors: [{ code, title, detail }] });
    return;
  }
  const retry = `${req.baseUrl}/auth/oidc/login${returnTo && returnTo !== '/' ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  const retryLink = status === 403 ? '' : `<a href="${escapeHtml(retry)}">Recommencer la connexion</a> · `;
  res.type('html').send(`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Connexion impossible – DataPass</title></head>
<body>
<main>
<h1>Connexion impossible</h1>
<p>${escapeHtml(detail)}</p>
<p>${retryLink}<a href="${escapeHtml(req.baseUrl || '/')}">Retour à l’accueil</a></p>
<p><small>Code : ${escapeHtml(code)}</small></p>
</main>
</body>
</html>
`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What to log of an error from openid-client: its message and OAuth codes, never a token. */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const e = error as Error & { code?: unknown; error?: unknown; error_description?: unknown; status?: unknown };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return {
    error: error.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.error === 'string' ? { oauthError: e.error } : {}),
    ...(typeof e.error_description === 'string' ? { oauthErrorDescription: e.error_description } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(cause !== undefined ? { cause } : {}),
  };
}

function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((error?: unknown) => (error ? reject(error) : resolve())));
}

function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error?: unknown) => (error ? reject(error) : resolve())));
}

function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((error?: unknown) => (error ? reject(error) : resolve())));
}
