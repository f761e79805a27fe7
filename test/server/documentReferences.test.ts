import assert from 'node:assert/strict';
import { createApiClient } from '../../server/apiClients/manageApiClients.js';
import { toJson } from '../../server/db/json.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const FIELD = '/legal/cadre_juridique_document';
type Ref = { id: string; filename: string; content_type: string; size: number };
const exampleData = (definitionId: string, name: string) => structuredClone(testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === name)!.data) as Record<string, any>;
const madeUp: Ref = { id: '7f3c2a10-5b1e-4c8e-9d0a-2e4f6a8b1c3d', filename: 'deliberation.pdf', content_type: 'application/pdf', size: 482133 };

for (const choice of databaseChoices()) {
  describe(`document references in a request's data (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let applicant: ApiClient, other: ApiClient, dgfip: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, other, dgfip] = await Promise.all([t.client('applicant'), t.client('otherApplicant'), t.client('dgfipInstructor')]);
    });
    after(async () => t?.close());

    const create = async (client: ApiClient, definitionId = 'api-particulier', data?: Record<string, unknown>, useCaseId = 'libre') => {
      const created = await client.post('/api/requests', { definitionId, useCaseId, ...(data ? { data } : {}) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.request as { id: string; version: number; data: Record<string, any> };
    };
    const upload = async (client: ApiClient, requestId: string, field = FIELD): Promise<Ref> => {
      const form = new FormData();
      form.append('field', field);
      form.append('files', new Blob([new Uint8Array(PDF)]), 'texte.pdf');
      const answer = await client.request('POST', `/api/requests/${requestId}/documents`, undefined, {}, form);
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return answer.body.documents[0];
    };
    const version = async (client: ApiClient, id: string) => (await client.get(`/api/requests/${id}`)).body.request.version as number;
    const save = async (client: ApiClient, id: string, data: Record<string, unknown>, step?: string) => client.patch(`/api/requests/${id}`, { version: await version(client, id), data, ...(step ? { step } : {}) });
    const fire = async (client: ApiClient, id: string, event: string) => client.post(`/api/requests/${id}/events/${event}`, { version: await version(client, id) });
    const expectRefused = (answer: { status: number; body: any }, code: string, pointer: string) => {
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.deepEqual(answer.body.errors.map((e: { code: string; source: { pointer: string } }) => [e.code, e.source.pointer]), [[code, pointer]]);
      assert.match(answer.body.errors[0].detail, /pièce jointe de cette demande|type ou une taille/);
    };

    it('a save refuses a made-up reference, another organisation’s document and a reference that misdescribes its file; it keeps a real one', async () => {
      const request = await create(applicant);
      const own = await upload(applicant, request.id);
      const othersRequest = await create(other);
      const others = await upload(other, othersRequest.id);
      const legal = (refs: Ref[]) => ({ legal: { cadre_juridique_document: refs } });

      expectRefused(await save(applicant, request.id, legal([madeUp])), 'DOCUMENT_UNKNOWN', `${FIELD}/0`);
      expectRefused(await save(applicant, request.id, legal([own, others])), 'DOCUMENT_UNKNOWN', `${FIELD}/1`);
      expectRefused(await save(applicant, request.id, legal([own, madeUp]), 'legal'), 'DOCUMENT_UNKNOWN', `${FIELD}/1`);
      expectRefused(await save(applicant, request.id, legal([{ ...own, size: own.size + 1 }])), 'DOCUMENT_MISMATCH', `${FIELD}/0`);
      expectRefused(await create(applicant).then(() => applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre', data: legal([own]) })), 'DOCUMENT_UNKNOWN', `${FIELD}/0`);
      const kept = await save(applicant, request.id, legal([own]));
      assert.equal(kept.status, 200, JSON.stringify(kept.body));
      assert.deepEqual(kept.body.request.data.legal.cadre_juridique_document, [own]);
    });

    it('a made-up reference already in the data does not satisfy « lien ou document » at submit; a real file does', async () => {
      let data = exampleData('api-particulier', 'valid-tarification-municipale-enfance');
      delete data.legal.cadre_juridique_url;
      const request = await create(applicant, 'api-particulier', data, 'tarification-municipale-enfance');
      data = request.data;
      // Data stored before references were checked.
      await t.db('requests').where({ id: Number(request.id.slice(1)) }).update({ data: toJson({ ...data, legal: { ...data.legal, cadre_juridique_document: [madeUp] } }) });
      expectRefused(await fire(applicant, request.id, 'submit'), 'DOCUMENT_UNKNOWN', `${FIELD}/0`);
      const own = await upload(applicant, request.id);
      assert.equal((await save(applicant, request.id, { ...data, legal: { ...data.legal, cadre_juridique_document: [own] } })).status, 200);
      const submitted = await fire(applicant, request.id, 'submit');
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    });

    it('the provider API refuses the same references, pointing into its body', async () => {
      const request = await create(applicant);
      const { client, secret } = await createApiClient(t.ctx, { userId: t.userIds.admin, roles: ['dinum:api-particulier:developer'] }, 'api-particulier', 'Back-office');
      const token = await fetch(`${t.baseUrl}/api/v1/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }) }).then((r) => r.json());
      const patch = async (data: Record<string, unknown>) => {
        const response = await fetch(`${t.baseUrl}/api/v1/demandes/${request.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ version: await version(applicant, request.id), data }) });
        return { status: response.status, body: await response.json() };
      };
      const answer = await patch({ ...request.data, legal: { cadre_juridique_document: [madeUp] } });
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.deepEqual(answer.body.errors.map((e: { source: { pointer: string } }) => e.source.pointer), [`/data${FIELD}/0`]);
      const own = await upload(applicant, request.id);
      assert.equal((await patch({ ...request.data, legal: { cadre_juridique_document: [own] } })).status, 200);
    });

    it('a production request keeps the files of the sandbox its data came from, and no one else’s', async () => {
      const sandbox = await create(applicant, 'api-ficoba-sandbox', exampleData('api-ficoba-sandbox', 'valid-libre'));
      const sandboxFile = await upload(applicant, sandbox.id);
      assert.equal((await save(applicant, sandbox.id, { ...sandbox.data, legal: { ...sandbox.data.legal, cadre_juridique_document: [sandboxFile] } })).status, 200);
      assert.equal((await fire(applicant, sandbox.id, 'submit')).status, 200);
      assert.equal((await fire(dgfip, sandbox.id, 'approve')).status, 200);
      assert.equal((await fire(applicant, sandbox.id, 'start_next_stage')).status, 200);
      const production = (await applicant.get('/api/requests?definition=api-ficoba')).body.requests[0];
      const stored = (await applicant.get(`/api/requests/${production.id}`)).body.request;
      assert.deepEqual(stored.data.legal.cadre_juridique_document, [sandboxFile], 'carried over');

      const data = exampleData('api-ficoba', 'valid-production');
      data.legal.cadre_juridique_document = [sandboxFile];
      expectRefused(await save(applicant, production.id, data), 'DOCUMENT_UNKNOWN', '/safety_certification/safety_certification_document/0');
      data.safety_certification.safety_certification_document = [await upload(applicant, production.id, '/safety_certification/safety_certification_document')];
      const saved = await save(applicant, production.id, data);
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal((await fire(applicant, production.id, 'submit')).status, 200);
      // A sandbox's file is not everyone's: another request cannot reference it.
      expectRefused(await save(applicant, (await create(applicant)).id, { legal: { cadre_juridique_document: [sandboxFile] } }), 'DOCUMENT_UNKNOWN', `${FIELD}/0`);
    });
  });
}
