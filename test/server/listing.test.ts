import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, type ApiClient, type TestApp } from './helpers/testApp.js';

for (const choice of databaseChoices()) {
  describe(`listing requests (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient;
    const created: string[] = [];
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, instructor] = await Promise.all([t.client('applicant'), t.client('instructor')]);
      for (let i = 0; i < 7; i++) {
        t.clock.advance(1000);
        const definitionId = i % 2 ? 'api-entreprise' : 'api-particulier';
        created.push((await applicant.post('/api/requests', { definitionId, useCaseId: 'libre', data: { basic_infos: { intitule: `Projet ${i}` } } })).body.request.id);
      }
    });
    after(async () => t?.close());

    it('pages through the organisation\'s requests with a cursor, most recent first, each once', async () => {
      const seen: string[] = [];
      let path = '/api/requests?limit=3';
      for (let page = 0; page < 5; page++) {
        const body = (await applicant.get(path)).body;
        seen.push(...body.requests.map((r: { id: string }) => r.id));
        if (!body.next) break;
        path = `/api/requests?limit=3&after=${body.next}`;
      }
      assert.deepEqual(seen, [...created].reverse());
      const first = (await applicant.get('/api/requests?limit=1')).body.requests[0];
      assert.deepEqual(Object.keys(first).includes('data'), false, 'a list shows summaries, not data');
      assert.equal(first.title, 'Projet 6');
      assert.equal((await applicant.get('/api/requests?after=nimporte')).status, 400);
    });

    it('filters the instruction desk by definition and state, within the instructor\'s definitions only', async () => {
      const particulier = (await instructor.get('/api/requests?scope=instruction')).body.requests.map((r: { id: string }) => r.id);
      assert.deepEqual(particulier, created.filter((_, i) => i % 2 === 0).reverse());
      assert.deepEqual((await instructor.get('/api/requests?scope=instruction&definition=api-entreprise')).body.requests, [], 'not one of their definitions');
      assert.deepEqual((await instructor.get('/api/requests?scope=instruction&state=submitted')).body.requests, []);
      assert.equal((await instructor.get('/api/requests?scope=instruction&state=draft&limit=2')).body.requests.length, 2);
    });
  });
}
