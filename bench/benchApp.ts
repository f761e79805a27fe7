import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AppContext } from '../server/AppContext.js';
import { createApp } from '../server/http/createApp.js';

/**
 * The platform's app for a benchmark, with the demo sign-in its load generator uses and no rate limit,
 * listening on 127.0.0.1. createApp refuses the demo sign-in when NODE_ENV=production (set by `npm run
 * bench` for React's production build): the check is lifted for this one call.
 */
export async function listeningBenchApp(ctx: AppContext): Promise<{ server: Server; baseUrl: string }> {
  const environment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  const app = createApp(ctx, { sessionSecret: 'bench', demoSignIn: true, rateLimits: { signIn: 1e9, writes: 1e9 } });
  if (environment === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = environment;
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A demo sign-in: the session cookie and its CSRF token. */
export async function signedIn(baseUrl: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const first = await fetch(`${baseUrl}/api/csrf`);
  let cookie = first.headers.get('set-cookie')!.split(';')[0]!;
  const { token } = (await first.json()) as { token: string };
  const signIn = await fetch(`${baseUrl}/auth/demo`, { method: 'POST', headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ email }) });
  if (signIn.status !== 200) throw new Error(`sign-in as ${email}: ${signIn.status}`);
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await (await fetch(`${baseUrl}/api/csrf`, { headers: { cookie } })).json()) as { token: string }).token;
  return { cookie, csrf };
}
