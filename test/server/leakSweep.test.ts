import assert from 'node:assert/strict';
import { createApp } from '../../server/http/createApp.js';
import type { Caller } from '../../server/AppContext.js';
import { insertDocument } from '../../server/db/repositories/documents.js';
import { insertMessage } from '../../server/db/repositories/messages.js';
import { createRequest, fireEvent } from '../../server/lifecycle/fireEvent.js';
import { databaseChoices } from './helpers/databases.js';
import { routesOf } from './helpers/routesOf.js';
import { PEOPLE, startTestApp, testRegistry, type Person, type TestApp } from './helpers/testApp.js';

const SECRET = 'Projet confidentiel de la commune C';

for (const choice of databaseChoices()) {
  describe(`no route leaks another organisation's data (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    // The requests of commune C (API Particulier, approved; API Entreprise, draft) and their document.
    const target = { requests: [] as string[], document: '', authorization: '' };
    before(async function () {
      t = await startTestApp(await choice.start(this));
      const owner: Caller = { userId: t.userIds.otherApplicant, roles: [], organizationId: t.organizationIds.communeC };
      const instructor: Caller = { userId: t.userIds.instructor, roles: [...PEOPLE.instructor.roles] };
      for (const [definitionId, example, approve] of [['api-particulier', 'valid-libre-params', true], ['api-entreprise', 'valid-libre', false]] as const) {
        const data = structuredClone(testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === example)!.data);
        (data.basic_infos as { intitule: string }).intitule = SECRET;
        let request = await createRequest(t.ctx, owner, { definitionId, useCaseId: 'libre', data });
        if (approve) {
          request = await fireEvent(t.ctx, owner, request.id, { type: 'submit', version: request.version });
          request = await fireEvent(t.ctx, instructor, request.id, { type: 'approve', version: request.version });
          await insertMessage(t.db, { requestId: request.id, authorId: t.userIds.otherApplicant, fromInstructor: false, body: SECRET, createdAt: new Date().toISOString() });
          target.document = '00000000-0000-4000-8000-000000000001';
          target.authorization = `H${(await t.db('authorizations').where({ request_id: request.id }).first('id')).id}`;
          await insertDocument(t.db, { id: target.document, requestId: request.id, field: '/legal/cadre_juridique_document', filename: `${SECRET}.pdf`, contentType: 'application/pdf', size: 5, sha256: '0'.repeat(64), uploadedBy: t.userIds.otherApplicant, createdAt: new Date().toISOString(), content: Buffer.from('%PDF-') });
        }
        target.requests.push(request.publicId);
      }
    });
    after(async () => t?.close());

    // Who must not see commune C's requests: everyone but its applicant, the API Particulier instructor (for
    // that definition only) and the admin.
    const outsiders: Person[] = ['applicant', 'reporter', 'dgfipInstructor', 'instructor', 'secondInstructor'];
    const seesParticulier = new Set<Person>(['instructor', 'secondInstructor', 'reporter']);
    const seesEntreprise = new Set<Person>(['secondInstructor']);

    it('answers 404 to every route with another organisation\'s ids, leaks nothing in the answer, and records each denial', async () => {
      const app = createApp(t.ctx, { sessionSecret: 'x', demoSignIn: true });
      // Every route that takes an id, the pages' included; but the public catalogue's and the static files'
      // (`/api/definitions/:id` and `/catalogue/:id` name a definition, `/assets/:name` a file of the platform;
      // `/admin/…` is for admins, a 403 to anyone else, tested in adminUsers.test.ts; `/conventions/verify/:sha256`
      // is public and `/conventions/apercu/:definitionId` names a definition, both tested in conventions.test.ts;
      // `/api/v1/…` takes a provider's bearer token, not a session: swept in providerApi.test.ts).
      const routes = routesOf(app).filter((r) => r.path.includes(':') && !/^\/(api\/definitions|api\/v1|catalogue|assets|admin|conventions)\//.test(r.path));
      assert.match(target.authorization, /^H\d+$/, 'commune C holds an authorization, whose convention is probed');
      assert.ok(routes.some((r) => r.path.startsWith('/habilitations/')), 'the convention downloads are swept');
      assert.ok(routes.length >= 15, `found ${routes.length} routes with ids: ${routes.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      const deniedBefore = Number((await t.db('access_denials').count({ n: '*' }))[0]!.n);
      let probes = 0;
      for (const person of outsiders) {
        const client = await t.client(person);
        for (const [i, requestId] of target.requests.entries()) {
          const allowed = i === 0 ? seesParticulier.has(person) : seesEntreprise.has(person);
          if (allowed) continue;
          for (const route of routes) {
            const byAuthorization = route.path.startsWith('/habilitations/');
            const path = route.path
              .replace(':id', route.path.startsWith('/api/documents') ? target.document : byAuthorization ? target.authorization : requestId)
              .replace(':event', 'approve')
              .replace(':step', 'basic_infos')
              .replace(':format', 'pdf');
            if ((route.path.startsWith('/api/documents') || byAuthorization) && i !== 0) continue;
            const before = Number((await t.db('access_denials').count({ n: '*' }))[0]!.n);
            const response = await client.request(route.method, path, route.method === 'GET' ? undefined : { version: 1, data: {}, body: 'x', reason: 'x' });
            probes++;
            const after = Number((await t.db('access_denials').count({ n: '*' }))[0]!.n);
            assert.equal(after, before + 1, `${person} ${route.method} ${path} is refused without being recorded`);
            assert.equal(response.status, 404, `${person} ${route.method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
            assert.ok(!JSON.stringify(response.body).includes(SECRET), `${person} ${route.method} ${path} leaks the project name`);
          }
        }
        // Lists: their own organisation's requests, or their definitions'; never commune C's otherwise.
        for (const path of ['/api/requests', '/api/requests?scope=instruction']) {
          const listed = (await client.get(path)).body.requests.map((r: { id: string }) => r.id);
          for (const [i, requestId] of target.requests.entries()) {
            const allowed = path.includes('instruction') && (i === 0 ? seesParticulier.has(person) : seesEntreprise.has(person));
            assert.equal(listed.includes(requestId), allowed, `${person} ${path} lists ${requestId}: ${allowed ? 'should' : 'must not'}`);
          }
        }
      }
      const denied = Number((await t.db('access_denials').count({ n: '*' }))[0]!.n) - deniedBefore;
      assert.ok(probes >= 45, `${probes} probes`);
      assert.equal(denied, probes, `every refused probe is recorded: ${denied} denials for ${probes} probes`);
    });

    it('lets the owner, the instructors of the definition and the admin see them', async () => {
      for (const person of ['otherApplicant', 'admin'] as Person[]) {
        const client = await t.client(person);
        for (const id of target.requests) assert.equal((await client.get(`/api/requests/${id}`)).status, 200, `${person} ${id}`);
      }
      const instructor = await t.client('instructor');
      assert.equal((await instructor.get(`/api/requests/${target.requests[0]}`)).status, 200);
      assert.equal((await instructor.get(`/api/requests/${target.requests[1]}`)).status, 404, 'an API Particulier instructor does not see API Entreprise');
      assert.equal((await instructor.get(`/api/documents/${target.document}`)).status, 200);
    });
  });
}
