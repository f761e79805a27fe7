import assert from 'node:assert/strict';
import { insertMessage } from '../../../server/db/repositories/messages.js';
import { parseRequestId } from '../../../server/db/repositories/requests.js';
import { databaseChoices } from '../helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage } from './htmlClient.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
const MIB = 1 << 20;

for (const choice of databaseChoices()) {
  describe(`texts stored before the limits, on the pages (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient;
    let id: string;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, instructor] = await Promise.all([t.client('applicant'), t.client('instructor')]);
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
      id = created.body.request.id;
      const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: created.body.request.version, data: example() });
      const asked = await instructor.post(`/api/requests/${id}/events/request_changes`, { version: submitted.body.request.version, reason: 'Précisez.' });
      assert.equal(asked.status, 200, JSON.stringify(asked.body));
      // As a reason and a message written before any limit: straight into the database.
      const requestId = parseRequestId(id)!;
      await t.db('request_events').where({ request_id: requestId, event: 'request_changes' }).update({ reason: 'r'.repeat(MIB) });
      await insertMessage(t.db, { requestId, authorId: t.userIds.instructor, fromInstructor: true, body: 'm'.repeat(MIB), createdAt: t.clock.now().toISOString() });
    });
    after(async () => t?.close());

    for (const [who, path] of [['the instructor’s review page', '/instruction/demandes/'], ['the applicant’s request page', '/demandes/']] as const) {
      it(`${who} shows their first 10,000 characters and their length, not the megabytes`, async () => {
        const page = await getPage(t.baseUrl, path + id, who.includes('instructor') ? instructor : applicant);
        assert.equal(page.status, 200);
        assert.ok(page.html.length < 200_000, `${page.html.length} bytes of HTML`);
        assert.ok(page.html.includes(`${'r'.repeat(10_000)}… (texte coupé à l’affichage : 1\u202f048\u202f576 caractères en tout)`));
        assert.ok(page.html.includes(`${'m'.repeat(10_000)}… (texte coupé à l’affichage : 1\u202f048\u202f576 caractères en tout)`));
      });
    }

    it('the JSON API still gives the whole texts', async () => {
      const events = (await instructor.get(`/api/requests/${id}/events`)).body.events as { event: string; reason?: string }[];
      assert.equal(events.find((e) => e.event === 'request_changes')!.reason!.length, MIB);
      assert.equal((await instructor.get(`/api/requests/${id}/messages`)).body.messages[0].body.length, MIB);
    });
  });
}
