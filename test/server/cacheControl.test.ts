import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, type ApiClient, type TestApp } from './helpers/testApp.js';

for (const choice of databaseChoices()) {
  describe(`Cache-Control of the JSON API (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      applicant = await t.client('applicant');
    });
    after(async () => t?.close());

    it('is no-store on every answer under /api, errors included, and on the provider API and its token endpoint', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const answers: [string, number, Response | { status: number; headers: Headers }][] = [
        ['/api/me', 200, await applicant.request('GET', '/api/me')],
        ['/api/csrf', 200, await applicant.request('GET', '/api/csrf')],
        ['/api/requests (400)', 400, await applicant.request('POST', '/api/requests', {})],
        ['/api/requests/D999999 (404)', 404, await applicant.request('GET', '/api/requests/D999999')],
        ['/api/nothing-here (404)', 404, await applicant.request('GET', '/api/nothing-here')],
        ['/api/me without a session (401)', 401, await fetch(`${t.baseUrl}/api/me`)],
        ['/api/v1/requests without a token (401)', 401, await fetch(`${t.baseUrl}/api/v1/requests`)],
        ['/api/v1/oauth/token (400)', 400, await fetch(`${t.baseUrl}/api/v1/oauth/token`, { method: 'POST', headers: form, body: '' })],
        ['/oauth/token (401)', 401, await fetch(`${t.baseUrl}/oauth/token`, { method: 'POST', headers: form, body: 'grant_type=client_credentials&client_id=x&client_secret=y' })],
      ];
      for (const [what, status, answer] of answers) {
        assert.equal(answer.status, status, what);
        assert.equal(answer.headers.get('cache-control'), 'no-store', what);
      }
    });
  });
}
