import assert from 'node:assert/strict';
import { DEMO_SIRETS, directoryFromEnv, ORGANIZATION_MESSAGES, organizationProblem } from '../../../server/organizations/index.js';
import { DINUM_RESULT, FakeRechercheEntreprises, json, searchBody } from './fakeRechercheEntreprises.js';

describe('directoryFromEnv', () => {
  const api = new FakeRechercheEntreprises();
  let baseUrl = '';

  before(async () => {
    baseUrl = await api.start();
  });
  afterEach(() => api.reset());
  after(() => api.stop());

  it('answers from the offline dataset by default, without the network', async () => {
    for (const env of [{}, { ORGANIZATION_DIRECTORY: 'offline' }, { ORGANIZATION_DIRECTORY: '' }, { ORGANIZATION_DIRECTORY: ' Offline ' }]) {
      const answer = await directoryFromEnv({ ...env, RECHERCHE_ENTREPRISES_URL: baseUrl }).lookup(DEMO_SIRETS.communeA);
      assert.equal(answer.kind, 'found', JSON.stringify(env));
    }
    assert.equal(api.requests.length, 0);
  });

  it('asks the API at RECHERCHE_ENTREPRISES_URL with ORGANIZATION_DIRECTORY=api, through a cache', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([DINUM_RESULT]));
    const directory = directoryFromEnv({ ORGANIZATION_DIRECTORY: 'api', RECHERCHE_ENTREPRISES_URL: baseUrl });
    assert.equal((await directory.lookup(DEMO_SIRETS.dinum)).kind, 'found');
    assert.equal((await directory.lookup(DEMO_SIRETS.dinum)).kind, 'found');
    assert.equal(api.requests.length, 1, 'the second lookup came from the cache');
    assert.equal(api.requests[0]!.url.searchParams.get('q'), DEMO_SIRETS.dinum);
  });

  it('turns the cache off with ORGANIZATION_DIRECTORY_CACHE_TTL_MS=0 and honours the timeout', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([DINUM_RESULT]));
    const uncached = directoryFromEnv({ ORGANIZATION_DIRECTORY: 'api', RECHERCHE_ENTREPRISES_URL: baseUrl, ORGANIZATION_DIRECTORY_CACHE_TTL_MS: '0' });
    await uncached.lookup(DEMO_SIRETS.dinum);
    await uncached.lookup(DEMO_SIRETS.dinum);
    assert.equal(api.requests.length, 2);

    api.handler = (_request, response) => api.later(2000, () => json(response, 200, searchBody([])));
    const slow = directoryFromEnv({ ORGANIZATION_DIRECTORY: 'api', RECHERCHE_ENTREPRISES_URL: baseUrl, RECHERCHE_ENTREPRISES_TIMEOUT_MS: '100' });
    assert.deepEqual(await slow.lookup(DEMO_SIRETS.dinum), { kind: 'unavailable', reason: 'timeout after 100 ms' });
  });

  it('refuses a configuration it cannot read', () => {
    assert.throws(() => directoryFromEnv({ ORGANIZATION_DIRECTORY: 'insee' }), /ORGANIZATION_DIRECTORY must be "api" or "offline"/);
    assert.throws(() => directoryFromEnv({ ORGANIZATION_DIRECTORY: 'api', RECHERCHE_ENTREPRISES_URL: 'not a url' }), /RECHERCHE_ENTREPRISES_URL/);
    assert.throws(() => directoryFromEnv({ ORGANIZATION_DIRECTORY: 'api', RECHERCHE_ENTREPRISES_TIMEOUT_MS: '5s' }), /RECHERCHE_ENTREPRISES_TIMEOUT_MS/);
  });
});

describe('organizationProblem', () => {
  it('says in French why an organisation cannot start a request', async () => {
    const directory = directoryFromEnv({});
    assert.equal(organizationProblem(await directory.lookup(DEMO_SIRETS.communeA)), undefined);
    assert.equal(organizationProblem(await directory.lookup(DEMO_SIRETS.closed)), ORGANIZATION_MESSAGES.closed);
    assert.equal(organizationProblem(await directory.lookup('73282932000074')), ORGANIZATION_MESSAGES.notFound);
    assert.equal(organizationProblem({ kind: 'unavailable', reason: 'HTTP 500' }), ORGANIZATION_MESSAGES.unavailable);
  });
});
