import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';
import { createWithDocuments } from './helpers/uploadedDocuments.js';

const exampleData = (definitionId: string, name: string) => structuredClone(testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === name)!.data);

for (const choice of databaseChoices()) {
  describe(`API Particulier's FranceConnect modality names a FranceConnect authorization of the organisation (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, other: ApiClient, instructor: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, other, instructor] = await Promise.all([t.client('applicant'), t.client('otherApplicant'), t.client('secondInstructor')]);
    });
    after(async () => t?.close());

    const fire = async (client: ApiClient, id: string, event: string) => {
      const version = (await client.get(`/api/requests/${id}`)).body.request.version;
      return client.post(`/api/requests/${id}/events/${event}`, { version });
    };
    /** A FranceConnect authorization approved for `client`'s current organisation: its `H…` id. */
    const franceConnectAuthorization = async (client: ApiClient) => {
      const id = (await client.post('/api/requests', { definitionId: 'france-connect', useCaseId: 'libre', data: exampleData('france-connect', 'valid-libre') })).body.request.id;
      assert.equal((await fire(client, id, 'submit')).status, 200);
      assert.equal((await fire(instructor, id, 'approve')).status, 200);
      const [authorization] = (await client.get('/api/authorizations?definition=france-connect')).body.authorizations.filter((a: { requestId: string }) => a.requestId === id);
      return authorization.id as string;
    };
    const submitWith = async (authorizationId: string) => {
      const data = exampleData('api-particulier', 'valid-libre-france-connect') as { modalities: { france_connect_authorization_id: string } };
      data.modalities.france_connect_authorization_id = authorizationId;
      const id = (await createWithDocuments(applicant, { definitionId: 'api-particulier', useCaseId: 'libre', data })).id;
      return fire(applicant, id, 'submit');
    };

    it('refuses an id that is no FranceConnect authorization of the organisation, accepts its own', async () => {
      const unknown = await submitWith('H999999');
      assert.equal(unknown.status, 422);
      assert.deepEqual(unknown.body.errors.map((e: { code: string; source: { pointer: string } }) => [e.code, e.source.pointer]), [['FIELD_INVALID', '/modalities/france_connect_authorization_id']]);
      assert.match(unknown.body.errors[0].detail, /habilitation « france-connect » validée et active de votre organisation/);
      const othersAuthorization = await franceConnectAuthorization(other);
      assert.equal((await submitWith(othersAuthorization)).status, 422, 'another organisation\'s authorization');
      const own = await franceConnectAuthorization(applicant);
      assert.match(own, /^H\d+$/);
      const accepted = await submitWith(own);
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.request.state, 'submitted');
    });
  });
}
