import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const USE_CASE = 'tarification-municipale-enfance';
const example = () => {
  const definition = testRegistry().definitions.get('api-particulier')!;
  return structuredClone(definition.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
};

for (const choice of databaseChoices()) {
  describe(`the whole life of an API Particulier request over HTTP (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient, reporter: ApiClient, otherApplicant: ApiClient, dgfip: ApiClient, admin: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, instructor, reporter, otherApplicant, dgfip, admin] = await Promise.all([
        t.client('applicant'),
        t.client('instructor'),
        t.client('reporter'),
        t.client('otherApplicant'),
        t.client('dgfipInstructor'),
        t.client('admin'),
      ]);
    });
    after(async () => t?.close());

    /** Fire `event` as `client` at the request's current version. */
    const fire = async (client: ApiClient, id: string, event: string, extra: Record<string, unknown> = {}) => {
      const current = await admin.get(`/api/requests/${id}`);
      return client.post(`/api/requests/${id}/events/${event}`, { version: current.body.request.version, ...extra });
    };
    const codes = (r: { body: { errors?: { code: string }[] } }) => (r.body.errors ?? []).map((e) => e.code);

    /**
     * At the request's current state, every event of the workflow fired by every test person who may not fire
     * it now (per the engine's allowed events, or because they cannot see the request) is refused and
     * changes nothing.
     */
    const assertEveryWrongActorRefused = async (id: string) => {
      const events = Object.keys(testRegistry().definitions.get('api-particulier')!.workflow.events).filter((e) => e !== 'create');
      const people = { applicant, instructor, reporter, otherApplicant, dgfip, admin };
      const before = (await admin.get(`/api/requests/${id}`)).body.request;
      let refused = 0;
      for (const [name, client] of Object.entries(people)) {
        const view = await client.get(`/api/requests/${id}`);
        const allowed = new Set<string>(view.status === 200 ? view.body.request.allowedEvents.map((e: { event: string }) => e.event) : []);
        for (const event of events) {
          if (allowed.has(event)) continue;
          const response = await client.post(`/api/requests/${id}/events/${event}`, { version: before.version, reason: 'Motif.', to: { organizationId: t.organizationIds.communeB } });
          assert.ok([403, 404, 409, 422].includes(response.status), `${name} ${event} in ${before.state}: ${response.status} ${JSON.stringify(response.body)}`);
          if (view.status !== 200) assert.equal(response.status, 404, `${name} cannot see the request`);
          refused++;
        }
      }
      const after = (await admin.get(`/api/requests/${id}`)).body.request;
      assert.equal(after.version, before.version, `a refused event changed the request in ${before.state}`);
      assert.ok(refused > 20, `${refused} refusals checked in ${before.state}`);
    };

    it('walks create → save → submit → request changes → resubmit → approve → reopen → submit → approve → revoke, refusing every wrong actor', async () => {
      // Create from the use case: the prefill is there, the legal basis locked.
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: USE_CASE });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const request = created.body.request;
      const id: string = request.id;
      assert.match(id, /^D\d+$/);
      assert.equal(request.state, 'draft');
      assert.equal(request.version, 1);
      assert.deepEqual(request.data.scopes, ['cnaf_quotient_familial']);
      assert.ok(request.data.legal.cadre_juridique_nature);

      // Save a half-filled form, then the whole one.
      const half = await applicant.patch(`/api/requests/${id}`, { version: 1, data: { basic_infos: { intitule: 'Tarifs' } } });
      assert.equal(half.status, 200, JSON.stringify(half.body));
      assert.equal(half.body.request.version, 2);
      const stale = await applicant.patch(`/api/requests/${id}`, { version: 1, data: example() });
      assert.equal(stale.status, 409, 'a stale save never overwrites newer data');
      assert.deepEqual(codes(stale), ['VERSION_CONFLICT']);
      const noVersion = await applicant.patch(`/api/requests/${id}`, { data: example() });
      assert.equal(noVersion.status, 428);
      const saved = await applicant.patch(`/api/requests/${id}`, { version: 2, data: example() });
      assert.equal(saved.status, 200);
      await assertEveryWrongActorRefused(id);

      // Only the applicant submits; nobody decides on a draft.
      assert.equal((await fire(instructor, id, 'submit')).status, 403);
      assert.equal((await fire(instructor, id, 'approve')).status, 409);
      const submitted = await fire(applicant, id, 'submit');
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body.request.state, 'submitted');
      await assertEveryWrongActorRefused(id);

      // Wrong actors on a submitted request.
      assert.equal((await fire(applicant, id, 'approve')).status, 403, 'an applicant cannot approve');
      assert.equal((await fire(reporter, id, 'approve')).status, 403, 'a reporter acts on nothing');
      assert.equal((await fire(dgfip, id, 'approve')).status, 404, 'another provider does not see it');
      assert.equal((await fire(otherApplicant, id, 'submit')).status, 404, 'another organisation does not see it');
      const noReason = await fire(instructor, id, 'request_changes');
      assert.equal(noReason.status, 422);
      assert.deepEqual(codes(noReason), ['EVENT_REASON_REQUIRED']);
      const reporterView = await reporter.get(`/api/requests/${id}`);
      assert.equal(reporterView.status, 200);
      assert.deepEqual(reporterView.body.request.allowedEvents, []);

      // Changes requested, then resubmitted with a change.
      const changes = await fire(instructor, id, 'request_changes', { reason: 'Précisez la durée de conservation.' });
      assert.equal(changes.status, 200);
      assert.equal(changes.body.request.state, 'changes_requested');
      await assertEveryWrongActorRefused(id);
      const data = example();
      (data.personal_data as { duree_conservation_donnees_caractere_personnel: number }).duree_conservation_donnees_caractere_personnel = 24;
      const current = (await applicant.get(`/api/requests/${id}`)).body.request;
      assert.equal((await applicant.patch(`/api/requests/${id}`, { version: current.version, data })).status, 200);
      const resubmitted = await fire(applicant, id, 'submit');
      assert.equal(resubmitted.body.request.state, 'submitted');
      const events = (await instructor.get(`/api/requests/${id}/events`)).body.events;
      const lastSubmit = events.filter((e: { event: string }) => e.event === 'submit').pop();
      assert.deepEqual(lastSubmit.changes, [{ pointer: '/personal_data/duree_conservation_donnees_caractere_personnel', before: 12, after: 24 }]);

      // Approve: the authorization is frozen.
      const approved = await fire(instructor, id, 'approve');
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.request.state, 'validated');
      await assertEveryWrongActorRefused(id);
      let authorizations = (await applicant.get(`/api/requests/${id}/authorizations`)).body.authorizations;
      assert.equal(authorizations.length, 1);
      assert.equal(authorizations[0].state, 'active');
      assert.equal(authorizations[0].data.personal_data.duree_conservation_donnees_caractere_personnel, 24);

      // Reopen, change, submit, approve: the first authorization becomes obsolete.
      assert.equal((await fire(instructor, id, 'reopen')).status, 403);
      const reopened = await fire(applicant, id, 'reopen');
      assert.equal(reopened.body.request.state, 'draft');
      assert.equal(reopened.body.request.reopening, true);
      await assertEveryWrongActorRefused(id);
      const again = reopened.body.request;
      const moreData = structuredClone(again.data);
      moreData.scopes = ['cnaf_quotient_familial', 'cnaf_enfants', 'cnaf_adresse'];
      assert.equal((await applicant.patch(`/api/requests/${id}`, { version: again.version, data: moreData })).status, 200);
      assert.equal((await fire(applicant, id, 'submit')).body.request.state, 'submitted');
      assert.equal((await fire(instructor, id, 'approve')).body.request.state, 'validated');
      authorizations = (await applicant.get(`/api/requests/${id}/authorizations`)).body.authorizations;
      assert.deepEqual(authorizations.map((a: { state: string }) => a.state), ['obsolete', 'active']);
      assert.deepEqual(authorizations[1].data.scopes, ['cnaf_quotient_familial', 'cnaf_enfants', 'cnaf_adresse']);
      assert.deepEqual(authorizations[0].data.scopes, ['cnaf_quotient_familial', 'cnaf_enfants'], 'the frozen copy never changes');

      // Revoke: reason required, the authorization revoked.
      assert.equal((await fire(applicant, id, 'revoke', { reason: 'x' })).status, 403);
      assert.equal((await fire(instructor, id, 'revoke')).status, 422);
      const revoked = await fire(instructor, id, 'revoke', { reason: 'Le service a fermé.' });
      assert.equal(revoked.body.request.state, 'revoked');
      await assertEveryWrongActorRefused(id);
      authorizations = (await applicant.get(`/api/requests/${id}/authorizations`)).body.authorizations;
      assert.deepEqual(authorizations.map((a: { state: string }) => a.state), ['obsolete', 'revoked']);

      // Every event is in the log, with who did it.
      const log = (await admin.get(`/api/requests/${id}/events`)).body.events;
      assert.deepEqual(log.map((e: { event: string }) => e.event), ['create', 'update', 'update', 'submit', 'request_changes', 'update', 'submit', 'approve', 'reopen', 'update', 'submit', 'approve', 'revoke']);
      assert.equal(log.find((e: { event: string }) => e.event === 'revoke').reason, 'Le service a fermé.');
      assert.equal(log.find((e: { event: string }) => e.event === 'approve').actorId, t.userIds.instructor);

      // The outbox holds what to send for these events, written with them: e-mails; no webhook call, since the
      // definition has none registered (webhooks.test.ts covers them).
      const outbox = await t.db('notifications').where({ request_id: Number(id.slice(1)) }).select('kind');
      assert.ok(outbox.some((n) => n.kind === 'email'));
      assert.ok(!outbox.some((n) => n.kind === 'webhook'));
    });

    it('refuses a closed establishment, an unknown definition, a production stage and an anonymous caller', async () => {
      const me = (await applicant.get('/api/me')).body;
      const closed = me.organizations.find((o: { closed: boolean }) => o.closed);
      assert.equal((await applicant.post('/api/me/organization', { organizationId: closed.id })).status, 200);
      const refused = await applicant.post('/api/requests', { definitionId: 'api-particulier' });
      assert.deepEqual(codes(refused), ['ORGANIZATION_CLOSED']);
      assert.equal((await applicant.post('/api/me/organization', { organizationId: t.organizationIds.communeA })).status, 200);
      assert.deepEqual(codes(await applicant.post('/api/requests', { definitionId: 'api-inconnue' })), ['UNKNOWN_DEFINITION']);
      assert.deepEqual(codes(await applicant.post('/api/requests', { definitionId: 'api-ficoba' })), ['PRODUCTION_STAGE']);
      assert.deepEqual(codes(await applicant.post('/api/me/organization', { organizationId: t.organizationIds.communeC })), ['NOT_A_MEMBER']);
      const anonymous = await fetch(`${t.baseUrl}/api/requests`, { headers: { accept: 'application/json' } });
      assert.equal(anonymous.status, 401);
    });

    it('refuses a state-changing call without the CSRF token', async () => {
      const response = await applicant.request('POST', '/api/requests', { definitionId: 'api-particulier' }, { 'x-csrf-token': 'forged' });
      assert.equal(response.status, 403);
      assert.deepEqual(codes(response), ['CSRF_TOKEN_INVALID']);
    });
  });
}
