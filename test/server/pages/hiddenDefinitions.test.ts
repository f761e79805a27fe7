import assert from 'node:assert/strict';
import type { Registry } from '../../../engine/index.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage } from './htmlClient.js';

/** The real definitions, with FranceConnect made non-public (`public: false` in its definition.yaml). */
function withFranceConnectHidden(): Registry {
  const real = testRegistry();
  const definitions = new Map([...real.definitions].map(([id, d]) => [id, id === 'france-connect' ? { ...d, meta: { ...d.meta, public: false } } : d]));
  return { ...real, definitions };
}

describe('a non-public definition (public: false): off the catalogue, reached by its link (SQLite)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let applicant: ApiClient;
  before(async () => {
    t = await startTestApp({ kind: 'sqlite' }, withFranceConnectHidden());
    applicant = await t.client('applicant');
  });
  after(async () => t?.close());

  it('is neither listed nor found by the catalogue’s search, nor listed by GET /api/definitions', async () => {
    const all = await getPage(t.baseUrl, '/catalogue');
    assert.ok(all.html.includes('href="/catalogue/api-particulier"'), 'public definitions are listed');
    assert.ok(!all.html.includes('href="/catalogue/france-connect"'));
    const searched = await getPage(t.baseUrl, '/catalogue?q=FranceConnect');
    assert.ok(!searched.html.includes('href="/catalogue/france-connect"'));
    const listed = (await applicant.get('/api/definitions')).body.definitions.map((d: { id: string }) => d.id);
    assert.ok(listed.includes('api-particulier') && !listed.includes('france-connect'), listed.join(', '));
  });

  it('is reached by its direct link, and a request can be started from it', async () => {
    const page = await getPage(t.baseUrl, '/catalogue/france-connect');
    assert.equal(page.status, 200);
    assert.equal((await applicant.get('/api/definitions/france-connect')).status, 200);
    const created = await applicant.post('/api/requests', { definitionId: 'france-connect', useCaseId: 'libre' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });
});
