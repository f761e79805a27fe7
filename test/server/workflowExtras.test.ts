import assert from 'node:assert/strict';
import { createApp } from '../../server/http/createApp.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, ORGANIZATIONS, PEOPLE, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';
import { withUploadedDocuments } from './helpers/uploadedDocuments.js';

const exampleData = (definitionId: string, name: string) => structuredClone(testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === name)!.data);

for (const choice of databaseChoices()) {
  describe(`stages, transfers and messages over HTTP (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, dgfip: ApiClient, instructor: ApiClient, other: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, dgfip, instructor, other] = await Promise.all([t.client('applicant'), t.client('dgfipInstructor'), t.client('instructor'), t.client('otherApplicant')]);
    });
    after(async () => t?.close());

    const fire = async (client: ApiClient, id: string, event: string, extra: Record<string, unknown> = {}) => {
      const version = (await client.get(`/api/requests/${id}`)).body.request.version;
      return client.post(`/api/requests/${id}/events/${event}`, { version, ...extra });
    };

    it('starts the production stage of an approved sandbox once, with its data carried over and locked, and its terms asked again', async () => {
      const created = await applicant.post('/api/requests', { definitionId: 'api-ficoba-sandbox', useCaseId: 'libre', data: exampleData('api-ficoba-sandbox', 'valid-libre') });
      const sandboxId = created.body.request.id;
      assert.equal((await fire(applicant, sandboxId, 'submit')).status, 200);
      assert.equal((await fire(dgfip, sandboxId, 'approve')).status, 200);
      const started = await fire(applicant, sandboxId, 'start_next_stage');
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const again = await fire(applicant, sandboxId, 'start_next_stage');
      assert.equal(again.status, 409);
      assert.equal(again.body.errors[0].code, 'NEXT_STAGE_EXISTS');

      const listed = (await applicant.get('/api/requests?definition=api-ficoba')).body.requests;
      assert.equal(listed.length, 1);
      const production = (await applicant.get(`/api/requests/${listed[0].id}`)).body.request;
      assert.equal(production.previousRequestId, sandboxId);
      assert.equal(production.data.terms, undefined, 'the sandbox terms are not carried over');
      assert.deepEqual(production.data.scopes, created.body.request.data.scopes);

      // The applicant completes production; a change to a carried-over step is set back to the sandbox's.
      // Its own files uploaded: the example's references are made up.
      const data = await withUploadedDocuments(applicant, production.id, exampleData('api-ficoba', 'valid-production'));
      (data.basic_infos as { intitule: string }).intitule = 'Changé en production';
      const saved = await applicant.patch(`/api/requests/${production.id}`, { version: production.version, data });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.request.data.basic_infos.intitule, created.body.request.data.basic_infos.intitule);
      assert.equal((await fire(applicant, production.id, 'submit')).status, 200);
      assert.equal((await fire(dgfip, production.id, 'approve')).body.request.state, 'validated');
    });

    it('lets the instructor transfer a request to another organisation, and refuses the applicant a target outside its own', async () => {
      const id = (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' })).body.request.id;
      const outside = await fire(applicant, id, 'transfer', { to: { email: PEOPLE.otherApplicant.email } });
      assert.equal(outside.status, 422);
      assert.equal(outside.body.errors[0].code, 'TRANSFER_TARGET_INVALID');
      const moved = await fire(instructor, id, 'transfer', { to: { email: PEOPLE.applicant.email, siret: ORGANIZATIONS.communeB.siret } });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.request.organizationId, t.organizationIds.communeB);
      assert.equal((await applicant.get(`/api/requests/${id}`)).status, 404, 'the applicant now acts for commune A, not B');
      await applicant.post('/api/me/organization', { organizationId: t.organizationIds.communeB });
      assert.equal((await applicant.get(`/api/requests/${id}`)).status, 200);
      await applicant.post('/api/me/organization', { organizationId: t.organizationIds.communeA });
    });

    it('carries messages between the applicant and the instructors, and not where the definition turns messaging off', async () => {
      const id = (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' })).body.request.id;
      assert.equal((await applicant.post(`/api/requests/${id}/messages`, { body: 'Bonjour, une question sur les données.' })).status, 201);
      const reply = await instructor.post(`/api/requests/${id}/messages`, { body: 'Bonjour, voici la réponse.' });
      assert.equal(reply.status, 201);
      assert.equal(reply.body.message.fromInstructor, true);
      assert.deepEqual((await applicant.get(`/api/requests/${id}/messages`)).body.messages.map((m: { fromInstructor: boolean }) => m.fromInstructor), [false, true]);
      assert.equal((await applicant.post(`/api/requests/${id}/messages`, { body: '  ' })).status, 422);
      assert.equal((await other.post(`/api/requests/${id}/messages`, { body: 'intrus' })).status, 404);
      const outbox = await t.db('notifications').where({ request_id: Number(id.slice(1)), kind: 'email' }).select('payload');
      assert.ok(outbox.some((n) => JSON.stringify(n.payload).includes('message')));
      const dgfipRequest = (await applicant.post('/api/requests', { definitionId: 'api-ficoba-sandbox', useCaseId: 'libre' })).body.request.id;
      const off = await applicant.post(`/api/requests/${dgfipRequest}/messages`, { body: 'Bonjour' });
      assert.equal(off.status, 422);
      assert.equal(off.body.errors[0].code, 'MESSAGING_DISABLED');
    });

    it('answers /healthz, and limits sign-in attempts per minute', async () => {
      assert.deepEqual(await (await fetch(`${t.baseUrl}/healthz`)).json(), { status: 'ok' });
      // The counts live in the database, shared with the suite's app and its sign-ins: start from none.
      await t.db('rate_limits').delete();
      const limited = createApp(t.ctx, { sessionSecret: 'x', demoSignIn: true, rateLimits: { signIn: 3, writes: 1000 } });
      const server = limited.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base}/auth/demo`)).status);
      server.closeAllConnections();
      server.close();
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    });
  });
}
