import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/http/createApp.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, startTestApp, type TestApp } from './helpers/testApp.js';

const EVIL = 'https://evil.example';

for (const choice of databaseChoices()) {
  describe(`state-changing requests from another site (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      applicant = await t.client('applicant');
    });
    after(async () => t?.close());

    const create = (headers: Record<string, string>) => applicant.request('POST', '/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' }, headers);
    const count = async () => Number((await t.db('requests').count({ n: '*' }))[0]!.n);

    it('refuses them 403 in the documented shape, CSRF token or not, and nothing is written', async () => {
      const before = await count();
      const hostile: Record<string, string>[] = [{ origin: EVIL }, { origin: 'http://127.0.0.1.evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null', 'sec-fetch-site': 'cross-site' }];
      for (const headers of hostile) {
        const refused = await create(headers);
        assert.equal(refused.status, 403, JSON.stringify(headers));
        assert.deepEqual(Object.keys(refused.body.errors[0]).sort(), ['code', 'detail', 'title']);
        assert.equal(refused.body.errors[0].code, 'CROSS_SITE_REQUEST');
        assert.match(refused.body.errors[0].detail, /autre site que DataPass/);
      }
      const id = (await create({})).body.request.id;
      const version = (await applicant.get(`/api/requests/${id}`)).body.request.version;
      const patched = await applicant.request('PATCH', `/api/requests/${id}`, { version, data: {} }, { origin: EVIL });
      assert.equal(patched.status, 403);
      const page = await applicant.request('POST', '/deconnexion', undefined, { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(page.status, 403, 'an HTML form too');
      assert.equal(await count(), before + 1);
    });

    it('lets the platform’s own pages through, and judges requests without Origin by their CSRF token as before', async () => {
      assert.equal((await create({ origin: t.baseUrl })).status, 201);
      assert.equal((await create({ 'sec-fetch-site': 'same-origin' })).status, 201);
      // What Chromium sends for the platform's own form posts, its pages having Referrer-Policy: no-referrer.
      assert.equal((await create({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status, 201);
      assert.equal((await create({})).status, 201, 'curl, server to server, the tests');
      const noToken = await fetch(`${t.baseUrl}/api/requests`, { method: 'POST', headers: { cookie: applicant.cookieHeader, 'content-type': 'application/json' }, body: '{}' });
      assert.equal(noToken.status, 403);
      assert.equal(((await noToken.json()) as { errors: { code: string }[] }).errors[0]!.code, 'CSRF_TOKEN_INVALID');
    });

    it('leaves the bearer-token provider API to its token: no browser sends one on its own', async () => {
      const token = await fetch(`${t.baseUrl}/api/v1/oauth/token`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=x&client_secret=y' });
      assert.equal(token.status, 401, 'judged by its credentials');
    });

    it('compares with PUBLIC_URL when it is set, not with the Host the request names', async () => {
      const publicUrl = 'https://datapass.exemple.gouv.fr';
      const app = createApp(t.ctx, { sessionSecret: 'x', demoSignIn: true, publicUrl, rateLimits: { signIn: 1000, writes: 1000 } });
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      try {
        const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const client = await ApiClient.signIn(baseUrl, 'camille.applicant@commune-a.fr');
        const post = (origin: string) => client.request('POST', '/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' }, { origin });
        assert.equal((await post(baseUrl)).status, 403, 'the Host is not the platform when PUBLIC_URL says otherwise');
        assert.equal((await post(`${publicUrl}/`.replace(/\/$/, ''))).status, 201);
        assert.equal((await post('http://datapass.exemple.gouv.fr')).status, 403, 'another scheme is another origin');
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
}
