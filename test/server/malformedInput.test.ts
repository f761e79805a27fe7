import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createUser } from '../../server/db/repositories/users.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, startTestApp, type TestApp } from './helpers/testApp.js';
import { postForm, textOf } from './pages/htmlClient.js';

interface Raw {
  status: number;
  type: string;
  text: string;
  body: any;
  ms: number;
}

const deepObject = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
const nested = (levels: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
};

for (const choice of databaseChoices()) {
  describe(`malformed input answers a 4xx, never a 500 (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient;
    let requestId: string;
    let version: number;

    /** A request as any program may send it: the applicant's session and CSRF token unless `anonymous`. */
    const raw = async (method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string>; anonymous?: boolean } = {}): Promise<Raw> => {
      const started = performance.now();
      const response = await fetch(t.baseUrl + path, {
        method,
        redirect: 'manual',
        headers: { ...(init.anonymous ? {} : { cookie: applicant.cookieHeader, 'x-csrf-token': applicant.csrfToken }), ...init.headers },
        ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : new Uint8Array(init.body) } : {}),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, type: response.headers.get('content-type') ?? '', text, body, ms: performance.now() - started };
    };
    const json = (method: string, path: string, body: string | Buffer, headers: Record<string, string> = {}) => raw(method, path, { body, headers: { accept: 'application/json', 'content-type': 'application/json', ...headers } });

    const assertError = (answer: Raw, status: number, code: string, detail?: RegExp) => {
      assert.equal(answer.status, status, answer.text.slice(0, 500));
      assert.match(answer.type, /^application\/json/);
      const [error] = answer.body.errors;
      assert.equal(error.code, code, answer.text.slice(0, 500));
      assert.equal(typeof error.title, 'string');
      if (detail) assert.match(error.detail, detail);
      return error;
    };

    before(async function () {
      t = await startTestApp(await choice.start(this));
      applicant = await t.client('applicant');
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' });
      requestId = created.body.request.id;
      version = created.body.request.version;
    });
    after(async () => t?.close());

    it('a bad percent-encoding in a path: 400 as JSON for the API, as a French page for a page', async () => {
      assertError(await raw('GET', '/api/requests/%ZZ', { headers: { accept: 'application/json' } }), 400, 'PATH_INVALID', /mal encodée/);
      const page = await raw('GET', '/demandes/%E0%A4%A', { headers: { accept: 'text/html' } });
      assert.equal(page.status, 400, page.text.slice(0, 300));
      assert.match(page.type, /^text\/html/);
      assert.match(textOf(page.text), /Demande incorrecte.*mal encodée/);
    });

    it('an unknown charset or content encoding, a corrupt gzip body: 415 and 400 naming what is wrong', async () => {
      assertError(await json('POST', '/api/requests', '{}', { 'content-type': 'application/json; charset=klingon' }), 415, 'CHARSET_UNSUPPORTED', /klingon.*UTF-8/);
      assertError(await json('POST', '/api/requests', '{}', { 'content-type': 'application/json; charset=utf-16le' }), 415, 'CHARSET_UNSUPPORTED', /utf-16le/);
      assertError(await json('POST', '/api/requests', '{}', { 'content-encoding': 'foo' }), 415, 'CONTENT_ENCODING_UNSUPPORTED', /« foo »/);
      const gzip = gzipSync(JSON.stringify({ definitionId: 'api-particulier' }));
      assertError(await json('POST', '/api/requests', gzip.subarray(0, gzip.length - 12), { 'content-encoding': 'gzip' }), 400, 'CONTENT_ENCODING_INVALID', /illisible/);
      assertError(await json('POST', '/api/requests', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }), 400, 'CONTENT_ENCODING_INVALID');
      // A well-formed gzip body is still read.
      assert.equal((await json('POST', '/api/requests', gzipSync(JSON.stringify({ definitionId: 'api-particulier', useCaseId: 'libre' })), { 'content-encoding': 'gzip' })).status, 201);
    });

    it('JSON nested 10,000 deep is refused before parsing, and 1,000,000 deep (2 MB) as fast', async () => {
      assertError(await json('POST', '/api/requests', deepObject(10_000)), 400, 'JSON_TOO_DEEP', /64 niveaux/);
      const envelope = `{"definitionId":"api-particulier","data":{"x":${deepObject(10_000)}}}`;
      assertError(await json('POST', '/api/requests', envelope), 400, 'JSON_TOO_DEEP');
      // V8's JSON.parse alone spends about 2 s on this; the scan refuses it in milliseconds.
      const million = await json('POST', '/api/requests', '['.repeat(1_000_000) + ']'.repeat(1_000_000));
      assertError(million, 400, 'JSON_TOO_DEEP');
      assert.ok(million.ms < 1000, `refused in ${Math.round(million.ms)} ms`);
      // Brackets inside strings, escaped quotes included, are not nesting.
      const inString = JSON.stringify({ definitionId: 'api-particulier', useCaseId: 'libre', data: { note: `\\"${'['.repeat(100)}` } });
      assert.equal((await json('POST', '/api/requests', inString)).status, 201);
    });

    it('bounds the depth of a request’s data on create, save and submit: 422 pointing at where it is too deep', async () => {
      const at33 = '/data/x' + '/a'.repeat(31);
      const create = assertError(await json('POST', '/api/requests', JSON.stringify({ definitionId: 'api-particulier', useCaseId: 'libre', data: { x: nested(40) } })), 422, 'DATA_TOO_DEEP', /32 niveaux/);
      assert.equal(create.source.pointer, at33);
      const save = assertError(await json('PATCH', `/api/requests/${requestId}`, JSON.stringify({ version, data: { x: nested(33) } })), 422, 'DATA_TOO_DEEP');
      assert.equal(save.source.pointer, at33);
      const submit = assertError(await json('POST', `/api/requests/${requestId}/events/submit`, JSON.stringify({ version, data: { x: nested(50) } })), 422, 'DATA_TOO_DEEP');
      assert.equal(submit.source.pointer, at33);
      // 32 levels are within the bound: the save goes on to the engine, which drops the unknown member.
      const within = await json('PATCH', `/api/requests/${requestId}`, JSON.stringify({ version, data: { x: nested(31) } }));
      assert.equal(within.status, 200, within.text.slice(0, 300));
      version = within.body.request.version;
    });

    it('bounds the size of a request’s data: 413 over 1 MiB serialized, pointing at the data', async () => {
      const heavy = { x: 'é'.repeat(600_000) };
      const error = assertError(await json('PATCH', `/api/requests/${requestId}`, JSON.stringify({ version, data: heavy })), 413, 'DATA_TOO_LARGE', /1,1 Mo : 1 Mo au plus/);
      assert.equal(error.source.pointer, '/data');
      assertError(await json('POST', '/api/requests', JSON.stringify({ definitionId: 'api-particulier', data: heavy })), 413, 'DATA_TOO_LARGE');
      assertError(await json('POST', `/api/requests/${requestId}/events/submit`, JSON.stringify({ version, data: heavy })), 413, 'DATA_TOO_LARGE');
    });

    it('an oversized url-encoded form on a page: 413 as a French page', async () => {
      const page = await postForm(t.baseUrl, '/organisation', applicant, { organizationId: String(t.organizationIds.communeA), padding: 'x'.repeat(200_000) });
      assert.equal(page.status, 413, page.html.slice(0, 300));
      assert.match(textOf(page.html), /trop volumineux \(100 ko au plus\)/);
      const fields = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}`, '1']));
      const many = await postForm(t.baseUrl, '/organisation', applicant, fields);
      assert.equal(many.status, 413);
      assert.match(textOf(many.html), /trop de champs/);
    });

    it('a NUL character or a lone surrogate (which PostgreSQL cannot store) in a path, a query, a form or JSON: 400 naming where', async () => {
      const admin = await t.client('admin');
      const path = await raw('GET', '/instruction/clients-api/%00', { headers: { accept: 'application/json', cookie: admin.cookieHeader } });
      assertError(path, 400, 'NUL_CHARACTER', /caractère nul/);
      const page = await raw('GET', '/catalogue/api%00', { headers: { accept: 'text/html' } });
      assert.equal(page.status, 400);
      assert.match(textOf(page.text), /caractère nul/);
      assertError(await raw('GET', '/api/requests?q=a%00b', { headers: { accept: 'application/json' } }), 400, 'NUL_CHARACTER');
      const form = await postForm(t.baseUrl, '/instruction/equipe', admin, { definitionId: 'api-particulier', role: 'reporter', email: 'x\u0000@dinum.gouv.fr' });
      assert.equal(form.status, 400, textOf(form.html).slice(0, 300));
      assert.match(textOf(form.html), /« email »/);
      const nul = assertError(await json('PATCH', `/api/requests/${requestId}`, `{"version":${version},"data":{"basic_infos":{"intitule":"a\\u0000b"}}}`), 400, 'NUL_CHARACTER');
      assert.equal(nul.source.pointer, '/data/basic_infos/intitule');
      const surrogate = assertError(await json('POST', '/api/requests', '{"definitionId":"api-particulier","data":{"basic_infos":{"intitule":"\\ud800"}}}'), 400, 'TEXT_MALFORMED', /UTF-16|substitut/);
      assert.equal(surrogate.source.pointer, '/data/basic_infos/intitule');
      const key = assertError(await json('POST', '/api/requests', '{"definitionId":"api-particulier","data":{"a\\u0000":1}}'), 400, 'NUL_CHARACTER');
      assert.equal(key.source.pointer, '/data/a\u0000');
      // An escaped backslash before u0000 is two plain characters, not a NUL.
      assert.equal((await json('POST', '/api/requests', '{"definitionId":"api-particulier","useCaseId":"libre","data":{"x":"\\\\u0000"}}')).status, 201);
    });

    it('a day that does not exist in the instruction desk’s filters: 400, like in the API', async () => {
      const instructor = await t.client('instructor');
      for (const query of ['from=2026-13-45', 'to=2026-02-30']) {
        const page = await raw('GET', `/instruction?${query}`, { headers: { accept: 'text/html', cookie: instructor.cookieHeader } });
        assert.equal(page.status, 400, textOf(page.text).slice(0, 300));
        assert.match(textOf(page.text), /n’est pas une date/);
        assertError(await raw('GET', `/api/requests?scope=instruction&${query}`, { headers: { accept: 'application/json', cookie: instructor.cookieHeader } }), 400, 'INPUT_INVALID');
      }
    });

    it('a missing file under /dsfr/ is a 404, like any other missing file', async () => {
      assertError(await raw('GET', '/dsfr/nope.css', { anonymous: true }), 404, 'NOT_FOUND');
      assertError(await raw('GET', '/dsfr/%ZZ.css', { anonymous: true }), 404, 'NOT_FOUND');
      assertError(await raw('POST', '/dsfr/dsfr.min.css', { anonymous: true }), 404, 'NOT_FOUND');
      assert.equal((await raw('GET', '/dsfr/dsfr.min.css', { anonymous: true })).status, 200);
    });

    describe('the provider API answers malformed bodies in its own shape', () => {
      let token: string;
      let apiRequestId: string;
      before(async () => {
        await createUser(t.db, { email: 'malo.dev@dinum.gouv.fr', givenName: 'Malo', familyName: 'Dev', roles: ['dinum:api-particulier:developer'] }, t.clock.now());
        const developer = await ApiClient.signIn(t.baseUrl, 'malo.dev@dinum.gouv.fr');
        const page = await postForm(t.baseUrl, '/instruction/clients-api/api-particulier', developer, { name: 'Robustesse' });
        const clientId = /<code id="client-id">([^<]+)<\/code>/.exec(page.html)![1]!;
        const secret = /<code id="client-secret">([^<]+)<\/code>/.exec(page.html)![1]!;
        const issued = await fetch(`${t.baseUrl}/api/v1/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }) });
        token = ((await issued.json()) as { access_token: string }).access_token;
        apiRequestId = requestId;
      });
      const provider = (body: string | Buffer, headers: Record<string, string> = {}) =>
        raw('PATCH', `/api/v1/demandes/${apiRequestId}`, { anonymous: true, body, headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers } });
      const assertProviderError = (answer: Raw, status: number, code: string) => {
        const error = assertError(answer, status, code);
        assert.equal(error.status, String(status), `the provider API's shape carries the status: ${answer.text}`);
        return error;
      };

      it('malformed JSON, a bad charset, a bad encoding, too deep, a bad path', async () => {
        assertProviderError(await provider('{"data":'), 400, 'JSON_INVALID');
        assertProviderError(await provider('{}', { 'content-type': 'application/json; charset=klingon' }), 415, 'CHARSET_UNSUPPORTED');
        assertProviderError(await provider('{}', { 'content-encoding': 'foo' }), 415, 'CONTENT_ENCODING_UNSUPPORTED');
        assertProviderError(await provider(deepObject(10_000)), 400, 'JSON_TOO_DEEP');
        assertProviderError(await raw('GET', '/api/v1/demandes/%ZZ', { anonymous: true, headers: { accept: 'application/json', authorization: `Bearer ${token}` } }), 400, 'PATH_INVALID');
        // The token endpoint answers as RFC 6749 has it, whatever the Accept header.
        for (const path of ['/api/v1/oauth/token', '/oauth/token']) {
          const token = await raw('POST', path, { anonymous: true, body: '{"grant_type":', headers: { accept: 'text/html', 'content-type': 'application/json' } });
          assert.equal(token.status, 400, token.text.slice(0, 300));
          assert.equal(token.body.error, 'invalid_request');
          assert.match(token.body.error_description, /JSON valide/);
          const nul = await raw('POST', path, { anonymous: true, body: 'grant_type=client_credentials&client_id=a%00', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
          assert.equal(nul.status, 400, nul.text.slice(0, 300));
          assert.match(nul.body.error_description, /« client_id ».*caractère nul/);
        }
        // Without a token, the body is not even read: the answer is the 401.
        assert.equal((await raw('PATCH', `/api/v1/demandes/${apiRequestId}`, { anonymous: true, body: '{"data":', headers: { 'content-type': 'application/json' } })).status, 401);
      });

      it('bounds the depth and size of the data on PATCH /api/v1/demandes/:id', async () => {
        const current = (await applicant.get(`/api/requests/${apiRequestId}`)).body.request.version as number;
        const deep = assertProviderError(await provider(JSON.stringify({ version: current, data: { x: nested(40) } })), 422, 'DATA_TOO_DEEP');
        assert.equal(deep.source.pointer, '/data/x' + '/a'.repeat(31));
        const large = assertProviderError(await provider(JSON.stringify({ version: current, data: { x: 'é'.repeat(600_000) } })), 413, 'DATA_TOO_LARGE');
        assert.equal(large.source.pointer, '/data');
      });
    });
  });
}
