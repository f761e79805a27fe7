import assert from 'node:assert/strict';
import { createRechercheEntreprisesDirectory, searchUrl, type DirectoryAnswer } from '../../../server/organizations/index.js';
import { CLAMART_CLOSED_RESULT, DINUM_RESULT, FakeRechercheEntreprises, json, searchBody } from './fakeRechercheEntreprises.js';

function found(answer: DirectoryAnswer) {
  assert.equal(answer.kind, 'found', JSON.stringify(answer));
  return (answer as Extract<DirectoryAnswer, { kind: 'found' }>).establishment;
}

describe('createRechercheEntreprisesDirectory (against a local HTTP server)', () => {
  const api = new FakeRechercheEntreprises();
  let baseUrl = '';

  before(async () => {
    baseUrl = await api.start();
  });
  afterEach(() => api.reset());
  after(() => api.stop());

  it('asks GET /search?q=<siret> for JSON and maps the matching establishment', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([DINUM_RESULT]));
    const directory = createRechercheEntreprisesDirectory({ baseUrl });

    const establishment = found(await directory.lookup('130 025 265 00013'));

    assert.equal(api.requests.length, 1);
    const [request] = api.requests;
    assert.equal(request!.method, 'GET');
    assert.equal(request!.url.pathname, '/search');
    assert.deepEqual([...request!.url.searchParams], [['q', '13002526500013']], 'the normalized SIRET, and nothing else');
    assert.equal(request!.headers.accept, 'application/json');
    assert.match(request!.headers['user-agent'] ?? '', /DataPass/);

    const { inseePayload, ...fields } = establishment;
    assert.deepEqual(fields, {
      siret: '13002526500013',
      siren: '130025265',
      name: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE (DINUM)',
      address: '20 AVENUE DE SEGUR',
      postalCode: '75007',
      city: 'PARIS',
      legalCategory: '7120',
      legalCategoryLabel: "Service central d'un ministère",
      nafCode: '84.11Z',
      closed: false,
    });
    assert.equal(inseePayload.siren, '130025265', 'the raw record is kept');
    assert.deepEqual(inseePayload.matching_etablissements, DINUM_RESULT.matching_etablissements);
    assert.deepEqual(inseePayload.complements, DINUM_RESULT.complements);
  });

  it('keeps a path prefix of the base URL, with or without a trailing slash', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([DINUM_RESULT]));
    for (const prefix of ['/proxy/recherche', '/proxy/recherche/']) {
      found(await createRechercheEntreprisesDirectory({ baseUrl: baseUrl + prefix }).lookup('13002526500013'));
    }
    assert.deepEqual(api.requests.map((r) => r.url.pathname), ['/proxy/recherche/search', '/proxy/recherche/search']);
    assert.equal(searchUrl('https://recherche-entreprises.api.gouv.fr', '13002526500013').href, 'https://recherche-entreprises.api.gouv.fr/search?q=13002526500013');
  });

  it('maps a closed establishment (etat_administratif F) as closed, named after its sign', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([CLAMART_CLOSED_RESULT]));
    const establishment = found(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('21920023500022'));
    assert.equal(establishment.closed, true);
    assert.equal(establishment.siret, '21920023500022', 'the matching establishment, not the head office');
    assert.equal(establishment.name, 'COMMUNE DE CLAMART – COLONIE DE VACANCES COMMUNE CLAMART');
    assert.equal(establishment.address, undefined, 'Sirene has no street for it');
    assert.equal(establishment.postalCode, '86270');
    assert.equal(establishment.city, 'COUSSAY-LES-BOIS');
    assert.equal(establishment.nafCode, '55.2E', "the establishment's own activity");
    assert.equal(establishment.legalCategoryLabel, 'Commune et commune nouvelle');
  });

  it('finds the head office through `siege` when matching_etablissements is absent', async () => {
    const { matching_etablissements: _, ...withoutMatching } = CLAMART_CLOSED_RESULT;
    api.handler = (_request, response) => json(response, 200, searchBody([withoutMatching]));
    const establishment = found(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('21920023500014'));
    assert.equal(establishment.closed, false);
    assert.equal(establishment.address, '1 PLACE MAURICE GUNSBOURG', 'the CEDEX line is cut off');
    assert.equal(establishment.postalCode, '92140');
    assert.equal(establishment.name, 'COMMUNE DE CLAMART');
  });

  it('treats an establishment of a ceased legal unit (etat_administratif C) as closed', async () => {
    const ceased = { ...DINUM_RESULT, etat_administratif: 'C', matching_etablissements: [{ ...DINUM_RESULT.matching_etablissements[0], etat_administratif: undefined }] };
    api.handler = (_request, response) => json(response, 200, searchBody([ceased]));
    assert.equal(found(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013')).closed, true);
  });

  it('answers not_found for `results: []`', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([]));
    assert.deepEqual(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('21690123100011'), { kind: 'not_found' });
    assert.equal(api.requests.length, 1);
  });

  it('answers not_found when no establishment has exactly that SIRET', async () => {
    api.handler = (_request, response) => json(response, 200, searchBody([DINUM_RESULT]));
    // Another establishment of the same SIREN: the unit comes back, but not that SIRET.
    assert.deepEqual(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500021'), { kind: 'not_found' });
    assert.equal(api.requests.length, 1, 'a valid SIRET, so the API was asked');
  });

  it('answers not_found for an invalid SIRET without asking the API', async () => {
    const directory = createRechercheEntreprisesDirectory({ baseUrl });
    for (const input of ['13002526500014', '1300252650001', 'abc', '']) {
      assert.deepEqual(await directory.lookup(input), { kind: 'not_found' }, input);
    }
    assert.equal(api.requests.length, 0);
  });

  it('answers unavailable for a server error', async () => {
    api.handler = (_request, response) => json(response, 500, { erreur: 'Internal Server Error' });
    assert.deepEqual(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013'), { kind: 'unavailable', reason: 'HTTP 500' });
    api.handler = (_request, response) => json(response, 404, { erreur: 'Not Found' });
    assert.deepEqual(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013'), { kind: 'unavailable', reason: 'HTTP 404' });
  });

  it('answers unavailable "rate limited" for 429, with Retry-After when given', async () => {
    api.handler = (_request, response) => json(response, 429, { erreur: 'Too Many Requests' }, { 'retry-after': '2' });
    const limited = await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013');
    assert.deepEqual(limited, { kind: 'unavailable', reason: 'rate limited (Retry-After: 2)' });
    api.handler = (_request, response) => json(response, 429, {});
    assert.deepEqual(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013'), { kind: 'unavailable', reason: 'rate limited' });
  });

  it('answers unavailable for malformed JSON', async () => {
    api.handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"results": [{"siren": "130025265"');
    };
    assert.deepEqual(await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013'), { kind: 'unavailable', reason: 'malformed JSON' });
  });

  it('answers unavailable for JSON that is not a search response', async () => {
    for (const body of [{ erreur: 'nope' }, [], null, { results: 'none' }]) {
      api.handler = (_request, response) => json(response, 200, body);
      const answer = await createRechercheEntreprisesDirectory({ baseUrl }).lookup('13002526500013');
      assert.equal(answer.kind, 'unavailable', JSON.stringify(body));
    }
  });

  it('gives up after timeoutMs when the API is slow to answer', async () => {
    api.handler = (_request, response) => api.later(2000, () => json(response, 200, searchBody([DINUM_RESULT])));
    const started = Date.now();
    const answer = await createRechercheEntreprisesDirectory({ baseUrl, timeoutMs: 150 }).lookup('13002526500013');
    assert.deepEqual(answer, { kind: 'unavailable', reason: 'timeout after 150 ms' });
    assert.ok(Date.now() - started < 1500, 'did not wait for the response');
  });

  it('gives up after timeoutMs when the body is slow, though the headers came at once', async () => {
    api.handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"results": [');
      api.later(2000, () => response.end(']}'));
    };
    const answer = await createRechercheEntreprisesDirectory({ baseUrl, timeoutMs: 150 }).lookup('13002526500013');
    assert.deepEqual(answer, { kind: 'unavailable', reason: 'timeout after 150 ms' });
  });

  it('answers unavailable when nothing listens', async () => {
    const closed = new FakeRechercheEntreprises();
    const deadUrl = await closed.start();
    await closed.stop();
    const answer = await createRechercheEntreprisesDirectory({ baseUrl: deadUrl }).lookup('13002526500013');
    assert.equal(answer.kind, 'unavailable');
    assert.match((answer as { reason: string }).reason, /^network error/);
  });

  it('uses the fetch it is given, and never throws even when that fetch does', async () => {
    const seen: string[] = [];
    const directory = createRechercheEntreprisesDirectory({
      baseUrl: 'https://recherche.example.test',
      fetch: async (input) => {
        seen.push(String(input));
        throw new TypeError('boom');
      },
    });
    assert.deepEqual(await directory.lookup('13002526500013'), { kind: 'unavailable', reason: 'network error: boom' });
    assert.deepEqual(seen, ['https://recherche.example.test/search?q=13002526500013']);
  });
});
