import assert from 'node:assert/strict';
import type { Caller } from '../../server/AppContext.js';
import { createRequest, fireEvent } from '../../server/lifecycle/fireEvent.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const ROUNDS = 100;
const DECISIONS = [
  { event: 'approve', body: {} },
  { event: 'refuse', body: { reason: 'Cadre juridique insuffisant.' } },
  { event: 'request_changes', body: { reason: 'Précisez les destinataires.' } },
];

for (const choice of databaseChoices()) {
  describe(`simultaneous decisions on one request (${choice.name})`, function () {
    this.timeout(300_000);
    let t: TestApp;
    let deciders: ApiClient[];
    let applicant: Caller;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      deciders = await Promise.all([t.client('instructor'), t.client('secondInstructor'), t.client('admin')]);
      applicant = { userId: t.userIds.applicant, roles: [], organizationId: t.organizationIds.communeA };
    });
    after(async () => t?.close());

    /** A submitted request, made through the services (the decisions are what goes over HTTP). */
    const submittedRequest = async () => {
      const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
      const created = await createRequest(t.ctx, applicant, { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data });
      return fireEvent(t.ctx, applicant, created.id, { type: 'submit', version: created.version });
    };

    for (const simultaneous of [2, 10]) {
      it(`${simultaneous} at once, ${ROUNDS} times: exactly one wins, the others get 409, one decision and at most one authorization are recorded`, async () => {
        for (let round = 0; round < ROUNDS; round++) {
          const request = await submittedRequest();
          const responses = await Promise.all(
            Array.from({ length: simultaneous }, (_, i) => {
              const decision = DECISIONS[(round + i) % DECISIONS.length]!;
              return deciders[i % deciders.length]!.post(`/api/requests/${request.publicId}/events/${decision.event}`, { version: request.version, ...decision.body });
            }),
          );
          const statuses = responses.map((r) => r.status).sort();
          assert.equal(statuses.filter((s) => s === 200).length, 1, `round ${round}: ${statuses.join(',')} ${JSON.stringify(responses.map((r) => r.body))}`);
          assert.deepEqual(statuses.filter((s) => s !== 200), Array(simultaneous - 1).fill(409), `round ${round}`);
          const loser = responses.find((r) => r.status === 409)!;
          assert.match(loser.body.errors[0].detail, /modifiée entre-temps/);
          const decisions = await t.db('request_events').where({ request_id: request.id }).whereIn('event', DECISIONS.map((d) => d.event)).count({ n: '*' });
          assert.equal(Number(decisions[0]!.n), 1, `round ${round}: one decision event`);
          const authorizations = await t.db('authorizations').where({ request_id: request.id }).count({ n: '*' });
          assert.ok(Number(authorizations[0]!.n) <= 1, `round ${round}: at most one authorization`);
        }
      });
    }
  });
}
