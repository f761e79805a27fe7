import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { AppContext, Caller } from '../../server/AppContext.js';
import { createDatabase, createReadDatabase } from '../../server/db/createDatabase.js';
import { migrate } from '../../server/db/migrate.js';
import { organizationsOf } from '../../server/db/repositories/organizations.js';
import { findUserIdByEmail } from '../../server/db/repositories/users.js';
import { DEMO_ACCOUNTS, seedDemoData } from '../../server/db/seedDemoData.js';
import { createApp } from '../../server/http/createApp.js';
import { createRequest } from '../../server/lifecycle/fireEvent.js';
import { createOfflineDirectory } from '../../server/organizations/index.js';
import { routesOf } from './helpers/routesOf.js';
import { ApiClient, testRegistry } from './helpers/testApp.js';

// The done-means sweep, literally: each seeded demo account, every route with an id, every request it may not see.
describe('a sweep as each seeded demo account finds no leak', function () {
  this.timeout(120_000);
  let dir: string;
  let ctx: AppContext;
  let server: Server;
  let baseUrl: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'datapass-demo-sweep-'));
    const file = join(dir, 'demo.sqlite');
    const db = createDatabase({ sqliteFile: file });
    await migrate(db);
    ctx = { db, reads: createReadDatabase(db, { sqliteFile: file }), registry: testRegistry(), clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
    assert.equal(await seedDemoData(ctx, createOfflineDirectory()), true);
    // Commune C's request too, so every organisation holds something to leak.
    const other = (await findUserIdByEmail(db, 'dominique.bernard@poitiers.fr'))!;
    const [communeC] = await organizationsOf(db, other);
    const data = structuredClone(testRegistry().definitions.get('api-entreprise')!.examples.find((e) => e.name === 'valid-libre')!.data);
    await createRequest(ctx, { userId: other, roles: [], organizationId: communeC!.id } as Caller, { definitionId: 'api-entreprise', useCaseId: 'libre', data });
    const app = createApp(ctx, { sessionSecret: 'x', demoSignIn: true, rateLimits: { signIn: 1e6, writes: 1e6 } });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    if (ctx.reads !== ctx.db) await ctx.reads.destroy();
    await ctx.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 404 with nothing of the request to every route, for every request an account may not see', async () => {
    const requests = await ctx.db('requests').select('id', 'definition_id', 'organization_id', 'data');
    assert.ok(requests.length >= 5);
    const documentlessRoutes = routesOf(createApp(ctx, { sessionSecret: 'x', demoSignIn: true })).filter((r) => r.path.startsWith('/api/requests/:id'));
    let probes = 0;
    for (const account of DEMO_ACCOUNTS) {
      const client = await ApiClient.signIn(baseUrl, account.email);
      const me = (await client.get('/api/me')).body;
      for (const request of requests) {
        const provider = ctx.registry.definitions.get(request.definition_id)!.meta.provider;
        // The rule restated: admins see all; a provider's agents the definitions their roles name (or all of the
        // provider's with `*`); applicants their current organisation's.
        const visible =
          account.roles.some((r: string) => r === 'admin' || r.startsWith(`${provider}:*:`) || r.startsWith(`${provider}:${request.definition_id}:`)) ||
          me.currentOrganizationId === Number(request.organization_id);
        const id = `D${request.id}`;
        const intitule = (JSON.parse(typeof request.data === 'string' ? request.data : JSON.stringify(request.data)) as { basic_infos?: { intitule?: string } }).basic_infos?.intitule ?? '';
        if (visible) {
          assert.equal((await client.get(`/api/requests/${id}`)).status, 200, `${account.email} should see ${id}`);
          continue;
        }
        for (const route of documentlessRoutes) {
          const response = await client.request(route.method, route.path.replace(':id', id).replace(':event', 'approve'), route.method === 'GET' ? undefined : { version: 1, data: {}, body: 'x', reason: 'x' });
          probes++;
          assert.equal(response.status, 404, `${account.email} ${route.method} ${route.path} on ${id}: ${response.status}`);
          if (intitule) assert.ok(!JSON.stringify(response.body).includes(intitule), `${account.email} ${route.method} ${route.path} leaks ${id}`);
        }
      }
    }
    assert.ok(probes > 100, `${probes} probes`);
  });
});
