import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createUser } from '../../server/db/repositories/users.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';
import { getPage, postForm, textOf } from './pages/htmlClient.js';

const exampleOf = (definitionId: string, name: string) => {
  const example = testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === name)!;
  return { data: structuredClone(example.data), useCaseId: example.useCaseId };
};

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** An OAuth2 client of the provider API, as a provider's program is one. */
class ProviderClient {
  token = '';
  constructor(
    readonly baseUrl: string,
    readonly clientId: string,
    readonly secret: string,
  ) {}

  async fetch(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.form ? { body: new URLSearchParams(init.form) } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  async signIn(): Promise<void> {
    const basic = Buffer.from(`${encodeURIComponent(this.clientId)}:${encodeURIComponent(this.secret)}`).toString('base64');
    const answer = await this.fetch('POST', '/api/v1/oauth/token', { form: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${basic}` } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    this.token = answer.body.access_token;
  }

  get = (path: string) => this.fetch('GET', path, { headers: { authorization: `Bearer ${this.token}` } });
  patch = (path: string, body: unknown) => this.fetch('PATCH', path, { body, headers: { authorization: `Bearer ${this.token}` } });
}

for (const choice of databaseChoices()) {
  describe(`the provider API (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let developer: ApiClient, applicant: ApiClient, instructor: ApiClient, wildcardInstructor: ApiClient;
    let particulier: ProviderClient, entreprise: ProviderClient;
    const ids = {} as { draftA: string; draftB: string; validated: string; archived: string; entreprise: string; particulierHabilitation: string; entrepriseHabilitation: string };

    /** Every response checked against the OpenAPI document, by operation and status. */
    const seen: { method: string; path: string; status: number; body: unknown; headers: Headers }[] = [];
    const record = (method: string, path: string, answer: Answer) => {
      seen.push({ method, path, status: answer.status, body: answer.body, headers: answer.headers });
      return answer;
    };

    /** A client created on the page of the definition by its developer: its id and the secret shown once. */
    const createClient = async (definitionId: string, name: string): Promise<ProviderClient> => {
      const page = await postForm(t.baseUrl, `/instruction/clients-api/${definitionId}`, developer, { name });
      assert.equal(page.status, 201, textOf(page.html));
      const clientId = /<code id="client-id">([^<]+)<\/code>/.exec(page.html)?.[1];
      const secret = /<code id="client-secret">([^<]+)<\/code>/.exec(page.html)?.[1];
      assert.ok(clientId && secret, 'the secret is shown once');
      const client = new ProviderClient(t.baseUrl, clientId, secret);
      await client.signIn();
      return client;
    };

    const create = async (definitionId: string, exampleName: string, organizationId?: number) => {
      if (organizationId !== undefined) assert.equal((await applicant.post('/api/me/organization', { organizationId })).status, 200);
      const { data, useCaseId } = exampleOf(definitionId, exampleName);
      const created = await applicant.post('/api/requests', { definitionId, useCaseId, data });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.request as { id: string; version: number };
    };
    const approve = async (id: string, version: number, approver: ApiClient, data: Record<string, unknown>) => {
      const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version, data });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const approved = await approver.post(`/api/requests/${id}/events/approve`, { version: submitted.body.request.version });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const authorizations = await approver.get(`/api/requests/${id}/authorizations`);
      return authorizations.body.authorizations[0].publicId as string;
    };

    before(async function () {
      t = await startTestApp(await choice.start(this));
      await createUser(t.db, { email: 'dora.dev@dinum.gouv.fr', givenName: 'Dora', familyName: 'Développeuse', roles: ['dinum:api-particulier:developer', 'dinum:api-entreprise:developer'] }, t.clock.now());
      developer = await ApiClient.signIn(t.baseUrl, 'dora.dev@dinum.gouv.fr');
      [applicant, instructor, wildcardInstructor] = await Promise.all([t.client('applicant'), t.client('instructor'), t.client('secondInstructor')]);

      const particulierExample = 'valid-tarification-municipale-enfance';
      ids.draftA = (await create('api-particulier', particulierExample, t.organizationIds.communeA)).id;
      const toValidate = await create('api-particulier', particulierExample);
      ids.particulierHabilitation = await approve(toValidate.id, toValidate.version, instructor, exampleOf('api-particulier', particulierExample).data);
      ids.validated = toValidate.id;
      const toArchive = await create('api-particulier', particulierExample);
      assert.equal((await applicant.post(`/api/requests/${toArchive.id}/events/archive`, { version: toArchive.version })).status, 200);
      ids.archived = toArchive.id;
      const entrepriseRequest = await create('api-entreprise', 'valid-libre');
      ids.entrepriseHabilitation = await approve(entrepriseRequest.id, entrepriseRequest.version, wildcardInstructor, exampleOf('api-entreprise', 'valid-libre').data);
      ids.entreprise = entrepriseRequest.id;
      ids.draftB = (await create('api-particulier', particulierExample, t.organizationIds.communeB)).id;

      particulier = await createClient('api-particulier', 'Back-office API Particulier');
      entreprise = await createClient('api-entreprise', 'Back-office API Entreprise');
    });
    after(async () => t?.close());

    it('issues tokens by client credentials only, per RFC 6749', async () => {
      const token = (form: Record<string, string>, headers: Record<string, string> = {}) => particulier.fetch('POST', '/api/v1/oauth/token', { form, headers }).then((a) => record('post', '/api/v1/oauth/token', a));
      const inBody = await token({ grant_type: 'client_credentials', client_id: particulier.clientId, client_secret: particulier.secret });
      assert.equal(inBody.status, 200);
      assert.equal(inBody.body.token_type, 'Bearer');
      assert.equal(inBody.body.expires_in, 3600);
      assert.equal(inBody.headers.get('cache-control'), 'no-store');
      const alias = await particulier.fetch('POST', '/oauth/token', { body: { grant_type: 'client_credentials', client_id: particulier.clientId, client_secret: particulier.secret } });
      assert.equal(alias.status, 200, 'JSON body and the /oauth/token alias');

      const wrongSecret = await token({ grant_type: 'client_credentials', client_id: particulier.clientId, client_secret: `${particulier.secret}x` });
      assert.equal(wrongSecret.status, 401);
      assert.equal(wrongSecret.body.error, 'invalid_client');
      assert.match(wrongSecret.headers.get('www-authenticate') ?? '', /^Basic/);
      const unknown = await token({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from('dpc_nobody:secret').toString('base64')}` });
      assert.equal(unknown.status, 401);
      assert.equal(unknown.body.error, 'invalid_client');
      const password = await token({ grant_type: 'password', username: 'x', password: 'y' });
      assert.equal(password.status, 400);
      assert.equal(password.body.error, 'unsupported_grant_type');
      const nothing = await token({});
      assert.equal(nothing.status, 400);
      assert.equal(nothing.body.error, 'invalid_request');
      const anonymous = await token({ grant_type: 'client_credentials' });
      assert.equal(anonymous.status, 400);
      assert.equal(anonymous.body.error, 'invalid_request');
      const stored = await t.db('api_tokens').select('token_hash');
      assert.ok(stored.every((row: { token_hash: string }) => row.token_hash !== inBody.body.access_token && /^[0-9a-f]{64}$/.test(row.token_hash)), 'tokens are stored hashed');
      const clients = await t.db('api_clients').select('secret_hash');
      assert.ok(clients.every((row: { secret_hash: string }) => row.secret_hash !== particulier.secret), 'secrets are stored hashed');
    });

    it('answers 401 with a Bearer challenge without a token or with a bad one', async () => {
      const none = record('get', '/api/v1/demandes', await particulier.fetch('GET', '/api/v1/demandes'));
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="DataPass"');
      assert.equal(none.body.errors[0].status, '401');
      const bad = record('get', '/api/v1/demandes/{id}', await particulier.fetch('GET', `/api/v1/demandes/${ids.draftA}`, { headers: { authorization: 'Bearer dpt_forged' } }));
      assert.equal(bad.status, 401);
      assert.match(bad.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
      for (const [method, template, path] of [
        ['get', '/api/v1/demandes/{id}/events', `/api/v1/demandes/${ids.draftA}/events`],
        ['patch', '/api/v1/demandes/{id}', `/api/v1/demandes/${ids.draftA}`],
        ['get', '/api/v1/habilitations', '/api/v1/habilitations'],
        ['get', '/api/v1/habilitations/{id}', `/api/v1/habilitations/${ids.particulierHabilitation}`],
        ['get', '/api/v1/definitions', '/api/v1/definitions'],
        ['get', '/api/v1/definitions/{id}', '/api/v1/definitions/api-particulier'],
      ] as const) {
        const refused = record(method, template, await particulier.fetch(method.toUpperCase(), path, method === 'patch' ? { body: { version: 1, data: {} } } : {}));
        assert.equal(refused.status, 401, path);
      }
      const cookie = await particulier.fetch('GET', '/api/v1/demandes', { headers: { cookie: developer.cookieHeader } });
      assert.equal(cookie.status, 401, 'a session cookie is no credential here');
    });

    it('lists only the requests of the client’s definition, filtered and paged', async () => {
      const all = record('get', '/api/v1/demandes', await particulier.get('/api/v1/demandes'));
      assert.equal(all.status, 200, JSON.stringify(all.body));
      const listed = all.body.data.map((d: { id: string }) => d.id).sort();
      assert.deepEqual(listed, [ids.draftA, ids.draftB, ids.validated, ids.archived].sort());
      assert.ok(all.body.data.every((d: { definitionId: string }) => d.definitionId === 'api-particulier'));
      assert.equal(all.body.links.next, null);

      const drafts = record('get', '/api/v1/demandes', await particulier.get('/api/v1/demandes?state=draft'));
      assert.deepEqual(drafts.body.data.map((d: { id: string }) => d.id).sort(), [ids.draftA, ids.draftB].sort());
      const communeB = record('get', '/api/v1/demandes', await particulier.get('/api/v1/demandes?siret=21690123100011'));
      assert.deepEqual(communeB.body.data.map((d: { id: string }) => d.id), [ids.draftB]);
      assert.equal(communeB.body.data[0].organization.siret, '21690123100011');
      const nobody = await particulier.get('/api/v1/demandes?siret=11111111111111');
      assert.deepEqual(nobody.body.data, []);

      const pages: string[] = [];
      let next: string | null = '/api/v1/demandes?limit=1&state=draft';
      while (next) {
        const page = record('get', '/api/v1/demandes', await particulier.get(next));
        assert.equal(page.status, 200, JSON.stringify(page.body));
        assert.ok(page.body.data.length <= 1);
        pages.push(...page.body.data.map((d: { id: string }) => d.id));
        next = page.body.links.next;
        assert.ok(pages.length <= 3, 'the pages end');
      }
      assert.deepEqual(pages.sort(), [ids.draftA, ids.draftB].sort());

      for (const [query, parameter] of [
        ['limit=1001', 'limit'],
        ['limit=0', 'limit'],
        ['state=valided', 'state'],
        ['siret=123', 'siret'],
        ['cursor=%%%', 'cursor'],
      ] as const) {
        const refused = record('get', '/api/v1/demandes', await particulier.get(`/api/v1/demandes?${query}`));
        assert.equal(refused.status, 400, query);
        assert.equal(refused.body.errors[0].status, '400');
        assert.deepEqual(refused.body.errors[0].source, { parameter }, query);
      }
      const thousand = await particulier.get('/api/v1/demandes?limit=1000');
      assert.equal(thousand.status, 200);

      const theirs = record('get', '/api/v1/demandes', await entreprise.get('/api/v1/demandes'));
      assert.deepEqual(theirs.body.data.map((d: { id: string }) => d.id), [ids.entreprise]);
    });

    it('answers 404 alike for another definition’s request, authorization or definition, whatever the id', async () => {
      const notFound = async (path: string, template: string) => {
        const answer = record('get', template, await particulier.get(path));
        assert.equal(answer.status, 404, `${path}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.errors[0].status, '404');
        return answer.body.errors[0].detail as string;
      };
      const absentId = 'D999999';
      assert.equal(await notFound(`/api/v1/demandes/${ids.entreprise}`, '/api/v1/demandes/{id}'), await notFound(`/api/v1/demandes/${absentId}`, '/api/v1/demandes/{id}'));
      await notFound(`/api/v1/demandes/${ids.entreprise.slice(1)}`, '/api/v1/demandes/{id}');
      await notFound('/api/v1/demandes/not-an-id', '/api/v1/demandes/{id}');
      assert.equal(await notFound(`/api/v1/demandes/${ids.entreprise}/events`, '/api/v1/demandes/{id}/events'), await notFound(`/api/v1/demandes/${absentId}/events`, '/api/v1/demandes/{id}/events'));
      assert.equal(await notFound(`/api/v1/habilitations/${ids.entrepriseHabilitation}`, '/api/v1/habilitations/{id}'), await notFound('/api/v1/habilitations/H999999', '/api/v1/habilitations/{id}'));
      await notFound('/api/v1/definitions/api-entreprise', '/api/v1/definitions/{id}');
      const patch = record('patch', '/api/v1/demandes/{id}', await particulier.patch(`/api/v1/demandes/${ids.entreprise}`, { version: 1, data: {} }));
      assert.equal(patch.status, 404);
      const denials = await t.db('access_denials').where('reason', 'like', `API client ${particulier.clientId}%`);
      assert.ok(denials.length >= 4, 'the probes on another definition are recorded');

      const own = record('get', '/api/v1/demandes/{id}', await particulier.get(`/api/v1/demandes/${ids.validated}`));
      assert.equal(own.status, 200);
      assert.deepEqual(own.body.data.habilitations, [ids.particulierHabilitation]);
      const events = record('get', '/api/v1/demandes/{id}/events', await particulier.get(`/api/v1/demandes/${ids.validated}/events`));
      assert.deepEqual(events.body.data.map((e: { event: string }) => e.event), ['create', 'submit', 'approve']);
      const habilitations = record('get', '/api/v1/habilitations', await particulier.get('/api/v1/habilitations'));
      assert.deepEqual(habilitations.body.data.map((h: { id: string }) => h.id), [ids.particulierHabilitation]);
      const active = record('get', '/api/v1/habilitations', await particulier.get('/api/v1/habilitations?state=active&siret=21350238500019&limit=1'));
      assert.equal(active.body.data.length, 1);
      const paged = record('get', '/api/v1/habilitations', await particulier.get(active.body.links.next));
      assert.deepEqual(paged.body.data, []);
      assert.equal(record('get', '/api/v1/habilitations', await particulier.get('/api/v1/habilitations?state=revoked')).body.data.length, 0);
      assert.equal(record('get', '/api/v1/habilitations', await particulier.get('/api/v1/habilitations?state=gone')).status, 400);
      const habilitation = record('get', '/api/v1/habilitations/{id}', await particulier.get(`/api/v1/habilitations/${ids.particulierHabilitation}`));
      assert.equal(habilitation.body.data.demandeId, ids.validated);
      const definitions = record('get', '/api/v1/definitions', await particulier.get('/api/v1/definitions'));
      assert.deepEqual(definitions.body.data.map((d: { id: string }) => d.id), ['api-particulier']);
      const definition = record('get', '/api/v1/definitions/{id}', await particulier.get('/api/v1/definitions/api-particulier'));
      assert.equal(definition.body.data.schema.type, 'object');
      assert.deepEqual(definition.body.data.states.filter((s: { editable: boolean }) => s.editable).map((s: { id: string }) => s.id), ['draft', 'changes_requested']);
    });

    it('changes only the data, validated as a save, at the version read, and only where the workflow lets it change', async () => {
      const path = `/api/v1/demandes/${ids.draftA}`;
      const current = (await particulier.get(path)).body.data;
      const data = { ...current.data, basic_infos: { ...(current.data.basic_infos as object), intitule: 'Tarifs de la cantine (corrigé)' } };

      const invalid = record('patch', '/api/v1/demandes/{id}', await particulier.patch(path, { version: current.version, data: { ...data, basic_infos: { intitule: 42 } } }));
      assert.equal(invalid.status, 422, JSON.stringify(invalid.body));
      assert.deepEqual(invalid.body.errors.map((e: { source: { pointer: string } }) => e.source.pointer), ['/data/basic_infos/intitule']);
      assert.equal(invalid.body.errors[0].status, '422');
      assert.ok(invalid.body.errors[0].code && invalid.body.errors[0].detail);

      const missingVersion = record('patch', '/api/v1/demandes/{id}', await particulier.patch(path, { data }));
      assert.equal(missingVersion.status, 428);
      const more = record('patch', '/api/v1/demandes/{id}', await particulier.patch(path, { version: current.version, data, state: 'validated' }));
      assert.equal(more.status, 400);
      assert.deepEqual(more.body.errors[0].source, { pointer: '/state' });

      const saved = record('patch', '/api/v1/demandes/{id}', await particulier.patch(path, { version: current.version, data }));
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.data.version, current.version + 1);
      assert.equal((saved.body.data.data.basic_infos as { intitule: string }).intitule, 'Tarifs de la cantine (corrigé)');
      assert.equal(saved.body.data.state, 'draft');
      assert.equal(saved.body.data.applicantId, current.applicantId);
      const events = (await particulier.get(`${path}/events`)).body.data;
      assert.deepEqual(events.at(-1), { ...events.at(-1), event: 'update', actorKind: 'system', actorId: null, fromState: 'draft', toState: 'draft' });
      const seenByApplicant = await instructor.get(`/api/requests/${ids.draftA}`);
      assert.equal(seenByApplicant.body.request.data.basic_infos.intitule, 'Tarifs de la cantine (corrigé)');

      const stale = record('patch', '/api/v1/demandes/{id}', await particulier.patch(path, { version: current.version, data }));
      assert.equal(stale.status, 409);
      assert.equal(stale.body.errors[0].code, 'VERSION_CONFLICT');
      assert.deepEqual(stale.body.errors[0].source, { pointer: '/version' });

      for (const id of [ids.validated, ids.archived]) {
        const row = (await particulier.get(`/api/v1/demandes/${id}`)).body.data;
        const refused = record('patch', '/api/v1/demandes/{id}', await particulier.patch(`/api/v1/demandes/${id}`, { version: row.version, data: row.data }));
        assert.equal(refused.status, 409, id);
        assert.equal(refused.body.errors[0].code, 'REQUEST_NOT_EDITABLE');
        assert.match(refused.body.errors[0].detail, /ne se modifient plus/);
        assert.equal((await particulier.get(`/api/v1/demandes/${id}`)).body.data.version, row.version, 'nothing changed');
      }
    });

    it('shows the developers’ page to developers and admins only, and a revoked client gets nothing', async () => {
      const index = await getPage(t.baseUrl, '/instruction/clients-api', developer);
      assert.equal(index.status, 200);
      assert.ok(textOf(index.html).includes('API Particulier (1 client actif)'), textOf(index.html));
      const list = await getPage(t.baseUrl, '/instruction/clients-api/api-particulier', developer);
      assert.equal(list.status, 200);
      assert.ok(textOf(list.html).includes('Back-office API Particulier'));
      assert.ok(!list.html.includes(particulier.secret), 'the secret is never shown again');
      const admin = await getPage(t.baseUrl, '/instruction/clients-api/api-particulier', await t.client('admin'));
      assert.equal(admin.status, 200);
      for (const person of ['instructor', 'applicant', 'reporter'] as const) {
        const client = await t.client(person);
        assert.equal((await getPage(t.baseUrl, '/instruction/clients-api/api-particulier', client)).status, 404, person);
        assert.equal((await getPage(t.baseUrl, '/instruction/clients-api', client)).status, 404, person);
        assert.equal((await postForm(t.baseUrl, '/instruction/clients-api/api-particulier', client, { name: 'Intrus' })).status, 404, person);
      }
      const empty = await postForm(t.baseUrl, '/instruction/clients-api/api-particulier', developer, { name: '  ' });
      assert.equal(empty.status, 422);

      const row = await t.db('api_clients').where({ client_id: particulier.clientId }).first();
      const wrongDefinition = await postForm(t.baseUrl, '/instruction/clients-api/api-entreprise/revoquer', developer, { id: String(row.id) });
      assert.equal(wrongDefinition.status, 404);
      const revoked = await postForm(t.baseUrl, '/instruction/clients-api/api-particulier/revoquer', developer, { id: String(row.id) });
      assert.equal(revoked.status, 303);
      const refused = record('get', '/api/v1/demandes', await particulier.get('/api/v1/demandes'));
      assert.equal(refused.status, 401, 'the revoked client’s token stops working');
      assert.match(refused.headers.get('www-authenticate') ?? '', /invalid_token/);
      const noToken = await particulier.fetch('POST', '/api/v1/oauth/token', { form: { grant_type: 'client_credentials', client_id: particulier.clientId, client_secret: particulier.secret } });
      assert.equal(noToken.status, 401);
      assert.equal(noToken.body.error, 'invalid_client');
      assert.ok(textOf((await getPage(t.baseUrl, '/instruction/clients-api/api-particulier', developer)).html).includes('Révoqué le'));
    });

    it('lets a token expire after an hour', async () => {
      assert.equal((await entreprise.get('/api/v1/definitions')).status, 200);
      t.clock.advance(3600 * 1000 + 1);
      assert.equal((await entreprise.get('/api/v1/definitions')).status, 401);
      await entreprise.signIn();
      assert.equal((await entreprise.get('/api/v1/definitions')).status, 200);
    });

    // Last but one: the failures it piles up keep this address out of the token endpoint for the rest of the window.
    it('limits failed client authentications at the token endpoint, in its documented error shape', async () => {
      let answer: Answer | undefined;
      for (let i = 0; i < 30 && answer?.status !== 429; i++) {
        answer = record('post', '/api/v1/oauth/token', await particulier.fetch('POST', '/api/v1/oauth/token', { form: { grant_type: 'client_credentials', client_id: particulier.clientId, client_secret: 'faux' } }));
      }
      assert.equal(answer?.status, 429);
      assert.equal(answer.body.errors[0].code, 'RATE_LIMITED');
      assert.match(answer.headers.get('retry-after') ?? '', /^\d+$/);
    });

    it('describes every response in its OpenAPI 3.1 document', async () => {
      const answer = await particulier.fetch('GET', '/api/v1/openapi.json');
      assert.equal(answer.status, 200);
      const document = answer.body;
      assert.equal(document.openapi, '3.1.0');
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ ...document, $id: 'https://datapass.test/openapi.json' });
      const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
      /** The response of an operation for a status, its `$ref` to components/responses followed. */
      const responseOf = (method: string, path: string, status: number): { pointer: string; response: any } | undefined => {
        let pointer = `/paths/${escape(path)}/${method}/responses/${status}`;
        let response = document.paths[path]?.[method]?.responses?.[String(status)];
        if (response?.$ref) {
          pointer = (response.$ref as string).slice(1);
          response = document.components.responses[(response.$ref as string).split('/').at(-1)!];
        }
        return response ? { pointer, response } : undefined;
      };
      const covered = new Set<string>();
      for (const s of seen) {
        const found = responseOf(s.method, s.path, s.status);
        assert.ok(found, `${s.method.toUpperCase()} ${s.path} answered ${s.status}, which the document does not describe`);
        const validate = ajv.compile({ $ref: `https://datapass.test/openapi.json#${found.pointer}/content/application~1json/schema` });
        assert.ok(validate(s.body), `${s.method.toUpperCase()} ${s.path} ${s.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(s.body).slice(0, 500)}`);
        covered.add(`${s.method} ${s.path} ${s.status}`);
      }
      for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
        if (path === '/api/v1/openapi.json') continue;
        for (const [method, operation] of Object.entries(operations)) {
          if (method === 'parameters') continue;
          for (const status of Object.keys(operation.responses)) {
            assert.ok(covered.has(`${method} ${path} ${status}`), `no test answer checked for ${method.toUpperCase()} ${path} ${status}`);
          }
        }
      }
    });
  });
}
