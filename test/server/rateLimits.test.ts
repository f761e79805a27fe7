import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Options } from 'express-rate-limit';
import type { AppContext } from '../../server/AppContext.js';
import { createApiClient } from '../../server/apiClients/manageApiClients.js';
import { createDatabase, type Db } from '../../server/db/createDatabase.js';
import { createApp, type AppOptions } from '../../server/http/createApp.js';
import { KnexRateLimitStore } from '../../server/http/rateLimitStore.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, type DatabaseChoice, type TestApp } from './helpers/testApp.js';

const WINDOW_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An app built by createApp on `ctx`, listening, as one server process of several would. */
async function listen(ctx: AppContext, rateLimits: AppOptions['rateLimits']): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = createApp(ctx, { sessionSecret: 'x', demoSignIn: true, rateLimits });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const token = (baseUrl: string, clientId: string, secret: string) =>
  fetch(`${baseUrl}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });

for (const choice of databaseChoices()) {
  describe(`rate limits kept in the database (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let database: DatabaseChoice;
    before(async function () {
      database = await choice.start(this);
      t = await startTestApp(database);
    });
    after(async () => t?.close());

    const store = (prefix: string, windowMs = WINDOW_MS, db: Db = t.db) => {
      const s = new KnexRateLimitStore(db, prefix);
      s.init({ windowMs } as Options);
      return s;
    };

    it('counts 200 hits at once exactly once each, and starts again after the window', async () => {
      const s = store('unit');
      const counts = await Promise.all(Array.from({ length: 200 }, () => s.increment('client')));
      assert.deepEqual(counts.map((c) => c.totalHits).sort((a, b) => a - b), Array.from({ length: 200 }, (_, i) => i + 1));
      assert.equal(new Set(counts.map((c) => c.resetTime?.getTime())).size, 1, 'one window');
      assert.equal((await s.get('client'))?.totalHits, 200);
      await s.decrement('client');
      assert.equal((await s.get('client'))?.totalHits, 199);
      assert.equal((await store('other').get('client')), undefined, 'another limiter counts apart');
      await sleep(WINDOW_MS + 100);
      assert.equal(await s.get('client'), undefined);
      assert.equal((await s.increment('client')).totalHits, 1);
      await s.resetKey('client');
      assert.equal(await s.get('client'), undefined);
    });

    it('deletes expired rows as it counts, once per window', async () => {
      const s = store('sweep', 200);
      await Promise.all(['a', 'b', 'c'].map((k) => s.increment(k)));
      await sleep(300);
      await s.increment('d');
      const keys = (await t.db('rate_limits').where('limiter_key', 'like', 'sweep:%').select('limiter_key')).map((r) => r.limiter_key);
      assert.deepEqual(keys, ['sweep:d']);
    });

    it('answers 429 to 200 wrong client secrets sent at once beyond the limit, in the provider API’s shape; the right secret works again after the window', async () => {
      const { client, secret } = await createApiClient(t.ctx, { userId: t.userIds.admin, roles: ['admin'] }, 'api-particulier', 'Limité');
      // A window long enough for 200 requests on a busy machine; the test then waits for its end as Retry-After says.
      const app = await listen(t.ctx, { signIn: 1000, writes: 1000, token: 10, windowMs: 8_000 });
      try {
        const answers = await Promise.all(Array.from({ length: 200 }, () => token(app.baseUrl, client.clientId, `${secret}x`)));
        const statuses = answers.map((a) => a.status);
        assert.equal(statuses.filter((s) => s === 401).length, 10, 'the limit, exactly');
        assert.equal(statuses.filter((s) => s === 429).length, 190);
        const limited = answers.find((a) => a.status === 429)!;
        const body = (await limited.json()) as { errors: { status: string; code: string; title: string; detail: string }[] };
        assert.deepEqual(Object.keys(body.errors[0]!).sort(), ['code', 'detail', 'status', 'title']);
        assert.equal(body.errors[0]!.status, '429');
        assert.equal(body.errors[0]!.code, 'RATE_LIMITED');
        assert.match(body.errors[0]!.detail, /réessayez dans \d+ s/);
        assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
        assert.match(limited.headers.get('ratelimit') ?? '', /r=0/);
        assert.equal(limited.headers.get('cache-control'), 'no-store');
        assert.equal((await token(app.baseUrl, client.clientId, secret)).status, 429, 'the right secret too, within the window');
        await sleep(Number(limited.headers.get('retry-after')) * 1000 + 200);
        const again = await token(app.baseUrl, client.clientId, secret);
        assert.equal(again.status, 200, await again.text());
        // One after the other: a hit counts until its answer says it succeeded.
        for (let i = 0; i < 15; i++) assert.equal((await token(app.baseUrl, client.clientId, secret)).status, 200, 'successes are not counted');
      } finally {
        await app.close();
      }
    });

    // Several server processes share a database on PostgreSQL; SQLite serves one process.
    if (choice.name === 'PostgreSQL') it('shares the counts between two processes on one database: token endpoint and sign-in', async () => {
      if (database.kind !== 'postgres') throw new Error('PostgreSQL expected');
      // A second process: its own connections to the same PostgreSQL database.
      const db = createDatabase({ url: database.url, poolMax: 5 });
      const limits = { signIn: 6, writes: 1000, token: 6, windowMs: 5_000 };
      await t.db('rate_limits').delete();
      const [a, b] = [await listen(t.ctx, limits), await listen({ ...t.ctx, db, reads: db }, limits)];
      try {
        const { client, secret } = await createApiClient(t.ctx, { userId: t.userIds.admin, roles: ['admin'] }, 'api-particulier', 'Partagé');
        const wrong = (baseUrl: string) => token(baseUrl, client.clientId, `${secret}x`).then((r) => r.status);
        assert.deepEqual(await Promise.all([a, b, a, b, a, b].map((p) => wrong(p.baseUrl))), [401, 401, 401, 401, 401, 401]);
        assert.equal(await wrong(a.baseUrl), 429, 'process A counted B’s failures');
        assert.equal(await wrong(b.baseUrl), 429, 'and B counted A’s');
        const signIn = (baseUrl: string) => fetch(`${baseUrl}/auth/demo`, { redirect: 'manual' }).then((r) => r.status);
        assert.deepEqual(await Promise.all([a, b, a, b, a, b].map((p) => signIn(p.baseUrl))), [303, 303, 303, 303, 303, 303]);
        assert.equal(await signIn(a.baseUrl), 429);
        assert.equal(await signIn(b.baseUrl), 429);
      } finally {
        await a.close();
        await b.close();
        await db.destroy();
      }
    });
  });
}
