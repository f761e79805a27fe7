import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import session from 'express-session';

import {
  createOidcRouter,
  OidcLoginRefusedError,
  safeReturnTo,
  type OidcClaims,
  type OidcHooks,
  type OidcLoginContext,
  type OidcLoginResult,
  type OidcSettings,
} from '../../../server/auth/oidc/index.js';

// A real OpenID provider (oidc-provider, dev dependency, untyped) and small express apps mounting the router,
// all on 127.0.0.1 with random ports; the browser is fetch with a cookie jar, following redirects by hand.

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => { callback(): http.RequestListener };

const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'agent-1': {
    sub: 'agent-1',
    email: 'camille.dupont@interieur.gouv.fr',
    given_name: 'Camille',
    usual_name: 'Dupont',
    uid: 'cdupont',
    siret: '11000201100044',
    phone_number: '+33123456789',
    idp_id: 'fia1v2',
  },
};

const SCOPES = ['openid', 'email', 'given_name', 'usual_name', 'siret', 'phone', 'uid', 'idp_id'];

// ---------------------------------------------------------------------------------------------------------
// HTTP plumbing

interface Listening {
  url: string;
  setHandler(handler: http.RequestListener): void;
  close(): Promise<void>;
}

/** A server on a random port whose handler is set later (the provider needs the apps' URLs, and back). */
async function listen(): Promise<Listening> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setHandler: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nobody listens on. */
async function closedPortUrl(): Promise<string> {
  const server = await listen();
  await server.close();
  return server.url;
}

/** Cookies per origin and path, as a browser keeps them (enough of RFC 6265 for these servers). */
class CookieJar {
  private readonly cookies = new Map<string, { origin: string; path: string; name: string; value: string }>();

  store(url: string, res: Response): void {
    const { origin, pathname } = new URL(url);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (/^path$/i.test(key)) path = val || '/';
        if (/^max-age$/i.test(key) && Number(val) <= 0) expired = true;
        if (/^expires$/i.test(key) && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${origin} ${path} ${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { origin, path, name, value });
    }
  }

  header(url: string): string {
    const { origin, pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => c.origin === origin && (pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  value(url: string, name: string): string | undefined {
    const { origin } = new URL(url);
    return [...this.cookies.values()].find((c) => c.origin === origin && c.name === name)?.value;
  }
}

async function request(jar: CookieJar, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const cookie = jar.header(url);
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
  });
  jar.store(url, res);
  return res;
}

const location = (res: Response, base: string): string => {
  const value = res.headers.get('location');
  assert.ok(value, `a Location header (status ${res.status})`);
  return new URL(value, base).href;
};

// ---------------------------------------------------------------------------------------------------------
// The provider, the apps

let provider: Listening;
let providerDown = false;
const userInfoContentTypes: string[] = [];
const providerPaths: string[] = [];
const apps: Listening[] = [];

interface TestApp {
  url: string;
  settings: OidcSettings;
}
let mainApp: TestApp; // client with a JSON UserInfo
let jwtApp: TestApp; // client with a signed JWT UserInfo (as ProConnect)
let badSecretApp: TestApp; // the main client, with a wrong secret

const logins: { claims: OidcClaims; context: OidcLoginContext }[] = [];
const logs: { level: string; message: string; details?: Record<string, unknown> }[] = [];
const defaultOnLogin = (claims: OidcClaims): OidcLoginResult => ({ userId: `user-${claims.sub}`, organizationId: `org-${claims.siret}` });
let onLogin: (claims: OidcClaims) => OidcLoginResult | Promise<OidcLoginResult> = defaultOnLogin;

const hooks: OidcHooks = {
  async onLogin(claims, context) {
    logins.push({ claims, context });
    return onLogin(claims);
  },
  log(level, message, details) {
    logs.push({ level, message, ...(details ? { details } : {}) });
  },
};

function settingsFor(appUrl: string, clientId: string, clientSecret: string): OidcSettings {
  return {
    issuer: provider.url,
    clientId,
    clientSecret,
    redirectUri: `${appUrl}/auth/oidc/callback`,
    postLogoutRedirectUri: `${appUrl}/`,
    scopes: SCOPES,
    allowInsecureHttp: true,
  };
}

/** An express app as the platform will have it: express-session (memory store here), the router, a page. */
function expressApp(settings: OidcSettings): http.RequestListener {
  const app = express();
  app.use(session({ secret: 'test-secret', resave: false, saveUninitialized: false, cookie: { sameSite: 'lax', httpOnly: true } }));
  app.use(createOidcRouter(settings, hooks, { sessionCookieName: 'connect.sid' }));
  app.get('/whoami', (req, res) => {
    res.json({
      sessionId: req.sessionID,
      userId: req.session.userId,
      organizationId: req.session.organizationId,
      idToken: req.session.idToken,
      pending: req.session.oidc,
    });
  });
  app.get('/{*path}', (_req, res) => {
    res.type('text').send('page');
  });
  return app;
}

async function startApp(listening: Listening, clientId: string, clientSecret: string, issuer?: string): Promise<TestApp> {
  const settings = { ...settingsFor(listening.url, clientId, clientSecret), ...(issuer ? { issuer } : {}) };
  listening.setHandler(expressApp(settings));
  return { url: listening.url, settings };
}

async function whoami(jar: CookieJar, app: TestApp): Promise<{ sessionId: string; userId?: string; organizationId?: string; idToken?: string; pending?: { returnTo?: string } }> {
  const res = await request(jar, `${app.url}/whoami`);
  assert.equal(res.status, 200);
  return (await res.json()) as { sessionId: string };
}

/**
 * The user at the provider: follows its redirects and fills its (dev) login and consent forms, until the
 * provider sends the browser back to the app; returns that URL and the prompts met.
 */
async function signInAtProvider(jar: CookieJar, authorizationUrl: string, accountId: string, { abort = false } = {}): Promise<{ callbackUrl: string; prompts: string[] }> {
  let url = authorizationUrl;
  let init: { method?: string; headers?: Record<string, string>; body?: string } = {};
  const prompts: string[] = [];
  for (let step = 0; step < 20; step++) {
    const res = await request(jar, url, init);
    init = {};
    if (res.status >= 300 && res.status < 400) {
      await res.arrayBuffer();
      const next = location(res, url);
      if (!next.startsWith(provider.url)) return { callbackUrl: next, prompts };
      url = next;
      continue;
    }
    const html = await res.text();
    assert.equal(res.status, 200, `the provider's page ${url}: ${html.slice(0, 500)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    assert.ok(prompt && action, `a login or consent form at ${url}`);
    prompts.push(prompt);
    if (abort) {
      url = new URL(`${new URL(action, url).pathname}/abort`, url).href;
      continue;
    }
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt };
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() };
  }
  throw new Error('the provider never sent the browser back');
}

/** Login at the app up to the provider's redirect back to the callback (not yet followed). */
async function startSignIn(jar: CookieJar, app: TestApp, returnTo = '/demandes/42', abort = false) {
  const res = await request(jar, `${app.url}/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  assert.equal(res.status, 302, await res.text());
  const authorizationUrl = location(res, app.url);
  const { callbackUrl, prompts } = await signInAtProvider(jar, authorizationUrl, 'agent-1', { abort });
  assert.ok(callbackUrl.startsWith(`${app.url}/auth/oidc/callback?`), callbackUrl);
  return { authorizationUrl: new URL(authorizationUrl), callbackUrl, prompts };
}

const JSON_ACCEPT = { accept: 'application/json' };

async function jsonError(res: Response): Promise<{ code: string; title: string; detail: string }> {
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as { errors: { code: string; title: string; detail: string }[] };
  assert.equal(body.errors.length, 1);
  return body.errors[0]!;
}

// ---------------------------------------------------------------------------------------------------------

describe('server/auth/oidc: sign-in with OpenID Connect against a real provider', function () {
  this.timeout(20000);

  before(async function () {
    const { default: Provider } = (await import('oidc-provider' as string)) as { default: ProviderConstructor };

    provider = await listen();
    const [main, jwt, badSecret] = [await listen(), await listen(), await listen()];
    apps.push(main, jwt, badSecret);

    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const client = (id: string, appUrls: string[], extra: Record<string, unknown> = {}) => ({
      client_id: id,
      client_secret: `${id}-secret`,
      redirect_uris: appUrls.map((u) => `${u}/auth/oidc/callback`),
      post_logout_redirect_uris: appUrls.map((u) => `${u}/`),
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
      ...extra,
    });
    const oidc = new Provider(provider.url, {
      clients: [client('datapass-json', [main.url, badSecret.url]), client('datapass-jwt', [jwt.url], { userinfo_signed_response_alg: 'RS256' })],
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: ['cookie-key-for-tests'] },
      claims: {
        openid: ['sub'],
        email: ['email'],
        given_name: ['given_name'],
        usual_name: ['usual_name'],
        siret: ['siret'],
        phone: ['phone_number'],
        uid: ['uid'],
        idp_id: ['idp_id'],
      },
      features: {
        devInteractions: { enabled: true },
        jwtUserinfo: { enabled: true },
        rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: { body: string }, form: string) {
          ctx.body = `<!doctype html><html><body>${form}<button form="op.logoutForm" name="logout" value="yes">Se déconnecter</button></body></html>`;
        },
      },
      },
      pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      async findAccount(_ctx: unknown, sub: string) {
        const account = ACCOUNTS[sub];
        return account ? { accountId: sub, claims: async () => account } : undefined;
      },
    });
    const callback = oidc.callback();
    provider.setHandler((req, res) => {
      if (providerDown) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
        return;
      }
      providerPaths.push(new URL(req.url ?? '/', provider.url).pathname);
      if (req.url?.startsWith('/me')) res.on('finish', () => userInfoContentTypes.push(String(res.getHeader('content-type'))));
      callback(req, res);
    });

    mainApp = await startApp(main, 'datapass-json', 'datapass-json-secret');
    jwtApp = await startApp(jwt, 'datapass-jwt', 'datapass-jwt-secret');
    badSecretApp = await startApp(badSecret, 'datapass-json', 'not-the-secret');
  });

  after(async () => {
    await Promise.all([provider?.close(), ...apps.map((a) => a.close())]);
  });

  beforeEach(() => {
    logins.length = 0;
    logs.length = 0;
    userInfoContentTypes.length = 0;
    providerPaths.length = 0;
    onLogin = defaultOnLogin;
    providerDown = false;
  });

  it('walks login → provider (login, consent) → callback → signed in with a new session id → logout at the provider', async () => {
    const jar = new CookieJar();
    const { authorizationUrl, callbackUrl, prompts } = await startSignIn(jar, mainApp);

    // The authorization request: code flow, PKCE S256, state, nonce, the ProConnect scopes.
    assert.equal(authorizationUrl.origin + authorizationUrl.pathname, `${provider.url}/auth`);
    const params = authorizationUrl.searchParams;
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('client_id'), 'datapass-json');
    assert.equal(params.get('redirect_uri'), `${mainApp.url}/auth/oidc/callback`);
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.match(params.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.ok(params.get('state') && params.get('nonce'));
    assert.deepEqual(params.get('scope')?.split(' '), SCOPES);
    assert.deepEqual(prompts, ['login', 'consent']);

    const before = await whoami(jar, mainApp);
    assert.equal(before.userId, undefined);
    assert.equal(before.pending?.returnTo, '/demandes/42');
    const oldCookie = jar.value(mainApp.url, 'connect.sid');
    assert.ok(oldCookie);

    const callback = await request(jar, callbackUrl);
    assert.equal(callback.status, 302, await callback.text());
    assert.equal(callback.headers.get('location'), '/demandes/42');

    // onLogin got the identity: ID token and UserInfo merged, no JWT plumbing.
    assert.equal(logins.length, 1);
    const { claims, context } = logins[0]!;
    assert.deepEqual(claims, ACCOUNTS['agent-1']);
    for (const plumbing of ['iss', 'aud', 'exp', 'iat', 'nonce', 'at_hash']) assert.ok(!(plumbing in claims), plumbing);
    assert.equal(context.idTokenClaims.iss, provider.url);
    assert.equal(context.idTokenClaims.siret, undefined, 'the ID token carries only sub; siret comes from UserInfo');
    assert.equal(context.userInfo?.siret, '11000201100044');
    assert.deepEqual(userInfoContentTypes.map((t) => t.split(';')[0]), ['application/json']);

    // Signed in, in a regenerated session; the old session id is worth nothing.
    const after = await whoami(jar, mainApp);
    assert.equal(after.userId, 'user-agent-1');
    assert.equal(after.organizationId, 'org-11000201100044');
    assert.equal(after.pending, undefined);
    assert.match(after.idToken ?? '', /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.notEqual(after.sessionId, before.sessionId);
    assert.notEqual(jar.value(mainApp.url, 'connect.sid'), oldCookie);
    const fixated = await fetch(`${mainApp.url}/whoami`, { headers: { cookie: `connect.sid=${oldCookie}` } });
    assert.equal(((await fixated.json()) as { userId?: string }).userId, undefined);

    // Nothing secret in the logs.
    const logText = JSON.stringify(logs);
    assert.ok(!logText.includes(after.idToken!), 'no ID token in the logs');
    assert.ok(logs.some((l) => l.level === 'info' && l.message === 'OIDC sign-in'));

    // Logout: session gone here, then the provider's end-session with the hint and our return address.
    const logout = await request(jar, `${mainApp.url}/auth/logout`, { method: 'POST' });
    assert.equal(logout.status, 303);
    const endSession = new URL(location(logout, mainApp.url));
    assert.equal(endSession.origin + endSession.pathname, `${provider.url}/session/end`);
    assert.equal(endSession.searchParams.get('id_token_hint'), after.idToken);
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${mainApp.url}/`);
    assert.ok(endSession.searchParams.get('state'));
    assert.equal((await whoami(jar, mainApp)).userId, undefined);
    // The provider accepts that request (hint and post-logout URI valid): its logout confirmation page.
    const atProvider = await request(jar, endSession.href);
    assert.equal(atProvider.status, 200, await atProvider.text());
  });

  it('reads a signed JWT UserInfo (as ProConnect answers) as well as a JSON one', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startSignIn(jar, jwtApp, '/');
    const callback = await request(jar, callbackUrl);
    assert.equal(callback.status, 302, await callback.text());
    assert.equal(callback.headers.get('location'), '/');
    assert.deepEqual(userInfoContentTypes.map((t) => t.split(';')[0]), ['application/jwt']);
    // Its signature (and the ID token's) is checked against the provider's keys.
    assert.ok(providerPaths.includes('/jwks'), providerPaths.join(' '));
    assert.equal(logins.length, 1);
    assert.equal(logins[0]!.claims.siret, '11000201100044');
    assert.equal(logins[0]!.claims.usual_name, 'Dupont');
    assert.equal((await whoami(jar, jwtApp)).userId, 'user-agent-1');
  });

  it('sends returnTo=//evil.example (and other non-local targets) to / after sign-in', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startSignIn(jar, mainApp, '//evil.example');
    const callback = await request(jar, callbackUrl);
    assert.equal(callback.status, 302);
    assert.equal(callback.headers.get('location'), '/');

    for (const target of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'evil', '', '/a\nb', '/ok\\..']) {
      assert.equal(safeReturnTo(target), '/', JSON.stringify(target));
    }
    assert.equal(safeReturnTo(['/a', '/b']), '/');
    assert.equal(safeReturnTo(undefined), '/');
    assert.equal(safeReturnTo('/demandes/42?step=2#contacts'), '/demandes/42?step=2#contacts');
  });

  it('refuses a tampered state with 400 (JSON or a French page), and the pending sign-in is spent', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startSignIn(jar, mainApp);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'forged-state');

    const res = await request(jar, tampered.href, { headers: JSON_ACCEPT });
    assert.equal(res.status, 400);
    const error = await jsonError(res);
    assert.equal(error.code, 'OIDC_STATE_MISMATCH');
    assert.match(error.detail, /ne correspond pas/);
    assert.equal(logins.length, 0);
    assert.ok(logs.some((l) => l.level === 'warn' && /state mismatch/.test(l.message)));

    // The genuine answer now finds no sign-in in progress: a state is good for one answer only.
    const replay = await request(jar, callbackUrl, { headers: { accept: 'text/html' } });
    assert.equal(replay.status, 400);
    assert.match(replay.headers.get('content-type') ?? '', /text\/html/);
    const page = await replay.text();
    assert.match(page, /Connexion impossible/);
    assert.match(page, /Aucune connexion n’est en cours/);
    assert.doesNotMatch(page, /at .*\.ts:\d+/, 'no stack');
    assert.equal((await whoami(jar, mainApp)).userId, undefined);
  });

  it('answers 400 to a callback without a session', async () => {
    const res = await request(new CookieJar(), `${mainApp.url}/auth/oidc/callback?code=abc&state=xyz`, { headers: JSON_ACCEPT });
    assert.equal(res.status, 400);
    assert.equal((await jsonError(res)).code, 'OIDC_NO_LOGIN_IN_PROGRESS');
    assert.equal(res.headers.getSetCookie().length, 0, 'no session created for it');
  });

  it('answers 400 when the user cancels at the provider (error=access_denied)', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startSignIn(jar, mainApp, '/demandes/42', true);
    assert.equal(new URL(callbackUrl).searchParams.get('error'), 'access_denied');
    const res = await request(jar, callbackUrl);
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /annulée ou refusée/);
    assert.match(page, /href="\/auth\/oidc\/login\?returnTo=%2Fdemandes%2F42"/, 'a link to try again');
    assert.equal(logins.length, 0);
    // A forged error_description is logged, never shown.
    const forged = await request(jar, `${mainApp.url}/auth/oidc/callback?error=evil&error_description=${encodeURIComponent('<b>Appelez le 0800</b>')}`);
    assert.equal(forged.status, 400);
    assert.doesNotMatch(await forged.text(), /0800/);
  });

  it('answers 502 when the code exchange fails (wrong client secret)', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await startSignIn(jar, badSecretApp);
    const res = await request(jar, callbackUrl, { headers: JSON_ACCEPT });
    assert.equal(res.status, 502);
    assert.equal((await jsonError(res)).code, 'OIDC_EXCHANGE_FAILED');
    assert.equal(logins.length, 0);
    const logged = logs.find((l) => l.level === 'error' && /code exchange/.test(l.message));
    assert.equal(logged?.details?.oauthError, 'invalid_client');
    assert.equal((await whoami(jar, badSecretApp)).userId, undefined);
  });

  it('answers 403 with the application’s message when onLogin refuses, 500 without a stack when it fails', async () => {
    onLogin = () => {
      throw new OidcLoginRefusedError('Votre organisation n’est pas encore inscrite sur DataPass.');
    };
    let jar = new CookieJar();
    let { callbackUrl } = await startSignIn(jar, mainApp);
    let res = await request(jar, callbackUrl, { headers: JSON_ACCEPT });
    assert.equal(res.status, 403);
    assert.deepEqual(await jsonError(res), { code: 'OIDC_LOGIN_REFUSED', title: 'Sign-in refused', detail: 'Votre organisation n’est pas encore inscrite sur DataPass.' });
    assert.equal((await whoami(jar, mainApp)).userId, undefined);

    onLogin = () => {
      throw new Error('database is down');
    };
    jar = new CookieJar();
    ({ callbackUrl } = await startSignIn(jar, mainApp));
    res = await request(jar, callbackUrl);
    assert.equal(res.status, 500);
    const page = await res.text();
    assert.match(page, /Une erreur est survenue/);
    assert.doesNotMatch(page, /database is down/);
    assert.ok(logs.some((l) => l.level === 'error' && l.details?.error === 'database is down'));
  });

  it('answers 502 with a clear message when the provider is down at login, and retries discovery afterwards', async () => {
    const listening = await listen();
    apps.push(listening);
    const app = await startApp(listening, 'datapass-json', 'datapass-json-secret'); // a fresh router: nothing cached

    providerDown = true;
    let res = await request(new CookieJar(), `${app.url}/auth/oidc/login`);
    assert.equal(res.status, 502);
    assert.match(await res.text(), /fournisseur d’identité est injoignable/);
    res = await request(new CookieJar(), `${app.url}/auth/oidc/login`, { headers: JSON_ACCEPT });
    assert.equal(res.status, 502);
    assert.equal((await jsonError(res)).code, 'OIDC_PROVIDER_UNAVAILABLE');
    assert.ok(logs.some((l) => l.level === 'error' && l.message === 'OIDC discovery failed'));

    // Back up: the failure was not cached.
    providerDown = false;
    res = await request(new CookieJar(), `${app.url}/auth/oidc/login`);
    assert.equal(res.status, 302);
    assert.ok(location(res, app.url).startsWith(`${provider.url}/auth?`));
  });

  it('answers 502 when nothing listens at the issuer', async () => {
    const listening = await listen();
    apps.push(listening);
    const app = await startApp(listening, 'datapass-json', 'datapass-json-secret', await closedPortUrl());
    const res = await request(new CookieJar(), `${app.url}/auth/oidc/login?returnTo=/x`, { headers: JSON_ACCEPT });
    assert.equal(res.status, 502);
    assert.equal((await jsonError(res)).code, 'OIDC_PROVIDER_UNAVAILABLE');
  });

  it('logs out to / when the session has no ID token', async () => {
    const jar = new CookieJar();
    const res = await request(jar, `${mainApp.url}/auth/logout`, { method: 'POST' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
  });
});
