import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createUser } from '../../server/db/repositories/users.js';
import { createApp } from '../../server/http/createApp.js';
import { databaseChoices } from './helpers/databases.js';
import { rawHttpRequest, type RawHttpAnswer } from './helpers/rawHttpRequest.js';
import { routesOf } from './helpers/routesOf.js';
import { ApiClient, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';

/**
 * Runs per database, and the time after which the runs stop where they are (the test stays well under a
 * minute); MALFORMED_RUNS and MALFORMED_SECONDS make a longer hunt.
 */
const RUNS = Number(process.env.MALFORMED_RUNS ?? 700);
const TIME_LIMIT_MS = Number(process.env.MALFORMED_SECONDS ?? 35) * 1000;

const ACTORS = ['anonymous', 'applicant', 'instructor', 'admin', 'developer'] as const;
type Actor = (typeof ACTORS)[number];

/** Path segments that break decoding, exceed limits or carry unicode, as a hostile client writes them. */
const hostileSegment = fc.oneof(
  fc.tuple(fc.constantFrom('', 'D1', 'api-particulier', 'x'), fc.constantFrom('%', '%Z', '%ZZ', '%E0%A4%A', '%FF', '%C0%AF', '%00', '%2F', '%25', '%ED%A0%80', '%F4%90%80%80')).map(([a, b]) => a + b),
  fc.integer({ min: 300, max: 20_000 }).map((n) => 'a'.repeat(n)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((s) => encodeURIComponent(s)),
  // Latin-1 bytes sent raw: not UTF-8 once on the wire.
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 }),
  fc.constantFrom('..', '.', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '__proto__', 'constructor', '-1', '0', '99999999999999999999', '2147483648', 'D99999999999', '1e3', 'D0', 'A1'),
);

const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  fc.constantFrom('?q=%ZZ', '?limit=-1', '?limit=abc&limit=2', '?state[]=x', '?after=%E0%A4%A', '?scope=instruction&definition=%00', '?cursor=!!!', '?siret=1', '?from=2026-13-45', '?retour=//evil.example', '?q=' + 'é'.repeat(300)),
  fc.dictionary(fc.constantFrom('q', 'state', 'limit', 'after', 'cursor', 'scope', 'definition', 'from', 'to', 'siret', 'retour', 'reopening', 'x'), fc.string({ maxLength: 30 }), { maxKeys: 3 }).map((d) => '?' + new URLSearchParams(d).toString()),
);

/** Names the handlers read, with values of any JSON type: the type confusions a handler must refuse. */
const FIELDS = ['data', 'version', 'definitionId', 'useCaseId', 'step', 'reason', 'message', 'to', 'organizationId', 'email', 'role', 'name', 'url', 'events', 'field', 'body', 'subject', 'event', 'grant_type', 'client_id', 'client_secret', 'sha256', '__proto__'];
const fields = fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

type Body =
  | { kind: 'none' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'json'; value: unknown }
  | { kind: 'fields'; value: Record<string, unknown> }
  | { kind: 'deep'; depth: number; open: '[' | '{"a":' }
  | { kind: 'truncatedJson'; value: Record<string, unknown>; keep: number }
  | { kind: 'multipart'; boundary: 'declared' | 'missing' | 'other'; keep: number }
  | { kind: 'large'; bytes: number };

const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 4, arbitrary: fields.map((value) => ({ kind: 'fields' as const, value })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 30, max: 300_000 }), open: fc.constantFrom('[' as const, '{"a":' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncatedJson' as const), value: fields, keep: fc.double({ min: 0, max: 0.99, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('multipart' as const), boundary: fc.constantFrom('declared' as const, 'missing' as const, 'other' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constantFrom(2.5, 0.15).map((mb) => ({ kind: 'large' as const, bytes: Math.round(mb * 1024 * 1024) })) },
);

const BOUNDARY = 'fcBoundary7MA4YWxk';
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const multipartBytes = () =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="field"\r\n\r\n/legal/cadre_juridique_document\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="d\u00e9lib.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF}\r\n--${BOUNDARY}--\r\n`,
  );

const headers = fc.record({
  accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'application/xml', 'text/html;q=0, application/json;q=0', ';;;,,q=x', 'text/*'),
  // Half the cases with a well-formed type, so that many reach the handlers; half hostile.
  contentType: fc.oneof(
    fc.constantFrom(undefined, 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'),
    fc.constantFrom(
      'application/json; charset=klingon',
      'application/json; charset=utf-16le',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded; charset=klingon',
      'application/json; charset',
      'application/json; charset="utf-8',
      'multipart/form-data; boundary',
      'text/plain',
      'application/octet-stream',
      'application/merge-patch+json',
      'garbage',
      '',
    ),
  ),
  contentEncoding: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, fc.constantFrom('gzip', 'deflate', 'br', 'foo', 'identity', 'gzip, gzip')),
  /** For a known Content-Encoding: the body really compressed, sent raw (corrupt), or compressed and cut. */
  compression: fc.constantFrom('valid' as const, 'corrupt' as const, 'truncated' as const),
  length: fc.constantFrom('exact' as const, 'exact' as const, 'exact' as const, 'exact' as const, 'short' as const, 'long' as const),
});

function bodyBytes(b: Body, contentType: string | undefined): Buffer {
  switch (b.kind) {
    case 'none':
      return Buffer.alloc(0);
    case 'bytes':
      return Buffer.from(b.bytes);
    case 'json':
      return Buffer.from(JSON.stringify(b.value) ?? 'null');
    case 'fields':
      return contentType?.startsWith('application/x-www-form-urlencoded')
        ? Buffer.from(new URLSearchParams(Object.entries(b.value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString())
        : Buffer.from(JSON.stringify(b.value));
    case 'deep':
      return Buffer.from(b.open.repeat(b.depth) + '1' + (b.open === '[' ? ']' : '}').repeat(b.depth));
    case 'truncatedJson': {
      const text = Buffer.from(JSON.stringify(b.value));
      return text.subarray(0, Math.floor(text.length * b.keep));
    }
    case 'multipart': {
      const all = multipartBytes();
      return all.subarray(0, Math.floor(all.length * b.keep));
    }
    case 'large':
      return Buffer.from(`{"data":{"x":"${'a'.repeat(b.bytes)}"}}`);
  }
}

function compressed(bytes: Buffer, encoding: string | undefined, how: 'valid' | 'corrupt' | 'truncated'): Buffer {
  const compress = encoding === 'gzip' ? gzipSync : encoding === 'deflate' ? deflateSync : encoding === 'br' ? brotliCompressSync : undefined;
  if (!compress || how === 'corrupt') return bytes;
  const done = compress(bytes);
  return how === 'valid' ? done : done.subarray(0, Math.max(1, done.length - 5));
}

/** The documented error shapes: the session API and pages, the provider API (with `status`), OAuth2's token endpoint. */
function assertErrorShape(path: string, status: number, parsed: any): void {
  if (/^\/(api\/v1\/)?oauth\/token/.test(path) && typeof parsed?.error === 'string') {
    assert.equal(typeof parsed.error_description, 'string', 'RFC 6749 error without error_description');
    return;
  }
  assert.ok(Array.isArray(parsed?.errors) && parsed.errors.length > 0, 'a JSON error answer has a non-empty errors array');
  for (const e of parsed.errors) {
    for (const key of ['code', 'title', 'detail']) assert.equal(typeof e[key], 'string', `errors[].${key} is a string`);
    assert.ok(e.detail.length > 0, 'errors[].detail says what is wrong');
    if (e.source !== undefined) assert.ok(typeof e.source.pointer === 'string' || typeof e.source.parameter === 'string', 'errors[].source has a pointer or a parameter');
    if (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/oauth/')) assert.equal(e.status, String(status), 'the provider API’s errors carry their status');
  }
}

for (const choice of databaseChoices()) {
  describe(`every route × malformed paths, headers and bodies: never a 5xx (${choice.name})`, function () {
    this.timeout(TIME_LIMIT_MS + 60_000);
    let t: TestApp;
    const clients = {} as Record<Exclude<Actor, 'anonymous'>, ApiClient>;
    let routes: { method: string; path: string }[];
    const pools: Record<string, string[]> = {};

    before(async function () {
      t = await startTestApp(await choice.start(this));
      await createUser(t.db, { email: 'fabien.dev@dinum.gouv.fr', givenName: 'Fabien', familyName: 'Dev', roles: ['dinum:api-particulier:developer', 'dinum:api-particulier:manager'] }, t.clock.now());
      [clients.applicant, clients.instructor, clients.admin] = await Promise.all([t.client('applicant'), t.client('instructor'), t.client('admin')]);
      clients.developer = await ApiClient.signIn(t.baseUrl, 'fabien.dev@dinum.gouv.fr');
      const example = testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name.startsWith('valid'))!;
      const created = await clients.applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: example.useCaseId, data: example.data });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const documentForm = new FormData();
      documentForm.append('field', '/legal/cadre_juridique_document');
      documentForm.append('files', new Blob([PDF]), 'a.pdf');
      await clients.applicant.request('POST', `/api/requests/${created.body.request.id}/documents`, undefined, {}, documentForm);
      // Real values for each parameter name, so that many cases reach the handlers, beside hostile ones.
      Object.assign(pools, {
        id: [created.body.request.id, '1', 'D999', 'api-particulier', String(t.userIds.applicant)],
        definitionId: ['api-particulier', 'api-entreprise', 'inconnu'],
        useCase: [example.useCaseId ?? 'libre', 'inconnu'],
        step: ['basic_infos', 'legal', 'inconnue'],
        event: ['submit', 'approve', 'update', 'archive', 'refuse', 'inconnu'],
        format: ['pdf', 'html', 'exe'],
        sha256: ['0'.repeat(64), 'xyz'],
        name: ['inconnu.js', 'client.js'],
        webhookId: ['1', 'x'],
        attemptId: ['1', 'x'],
        file: ['dsfr.min.css', 'inconnu.css', 'utility/icons/icons.min.css'],
      });
      routes = [
        ...routesOf(createApp(t.ctx, { sessionSecret: 'routes only', demoSignIn: true })),
        // Besides express's routes: the DSFR's static files, and paths that are no route.
        { method: 'GET', path: '/dsfr/:file' },
        { method: 'POST', path: '/dsfr/:file' },
        { method: 'GET', path: '/:id/:step' },
        { method: 'DELETE', path: '/api/requests/:id' },
        { method: 'PUT', path: '/api/v1/demandes/:id' },
        { method: 'OPTIONS', path: '/api/requests' },
      ];
    });
    after(async () => t?.close());

    it('answers 4xx to ids beyond the database’s integer range in every route’s parameters and id fields, as users of every kind', async () => {
      // PostgreSQL's integer stops at 2,147,483,647 and refuses to compare with more; SQLite does not mind.
      const beyond = ['2147483648', '99999999999', 'D99999999999', 'H99999999999'];
      const failures: string[] = [];
      for (const route of routes) {
        if (!route.path.includes(':') && route.method === 'GET') continue;
        for (const value of beyond) {
          const path = route.path.replace(/:(\w+)/g, (_m, name: string) => (['id', 'webhookId', 'attemptId'].includes(name) ? value : pools[name]![0]!));
          for (const actor of ['applicant', 'admin', 'developer'] as const) {
            if (/deconnexion|logout/.test(path)) continue;
            const fields = { id: value, organizationId: value, userId: value, templateId: value, version: '1', definitionId: 'api-particulier', role: 'reporter', email: 'x@dinum.gouv.fr', name: 'x' };
            const answer = await rawHttpRequest(t.baseUrl, {
              method: route.method,
              path,
              headers: { accept: 'application/json', cookie: clients[actor].cookieHeader, 'x-csrf-token': clients[actor].csrfToken, 'content-type': 'application/x-www-form-urlencoded' },
              body: route.method === 'GET' ? new Uint8Array() : Buffer.from(new URLSearchParams(fields).toString()),
              waitMs: 15_000,
            });
            if (answer.status === undefined || answer.status >= 500) failures.push(`${route.method} ${path} as ${actor} → ${answer.status ?? answer.error}: ${answer.body.slice(0, 120)}`);
          }
        }
      }
      assert.equal(failures.length, 0, `${failures.length} answers without a 4xx:\n${failures.join('\n')}`);
    });

    it('answers a 4xx in the documented shape, or a success, to each case; the counterexample is printed', async () => {
      const tally = new Map<number | string, number>();
      const segmentFor = (name: string) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(pools[name] ?? ['x'])) }, { weight: 2, arbitrary: hostileSegment });
      const cases = fc
        .record({ route: fc.constantFrom(...routes), actor: fc.constantFrom(...ACTORS), headers, body, query, head: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) })
        .chain((c) => {
          const names = [...c.route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
          return fc.tuple(...names.map(segmentFor)).map((values) => {
            let i = 0;
            const path = c.route.path.replace(/:(\w+)/g, () => values[i++]!) + c.query;
            // Signing out would leave the actor anonymous for the runs after: anonymous covers it.
            const actor = c.actor !== 'anonymous' && /deconnexion|logout/.test(path) ? 'anonymous' : c.actor;
            return { ...c, actor, path, method: c.head && c.route.method === 'GET' ? 'HEAD' : c.route.method };
          });
        });

      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          const contentType = c.headers.contentType === 'multipart/form-data' && c.body.kind === 'multipart' ? `multipart/form-data${c.body.boundary === 'missing' ? '' : `; boundary=${c.body.boundary === 'declared' ? BOUNDARY : 'other'}`}` : c.headers.contentType;
          const bytes = compressed(bodyBytes(c.body, contentType), c.headers.contentEncoding, c.headers.compression);
          const declared = c.headers.length === 'exact' ? bytes.length : c.headers.length === 'short' ? Math.floor(bytes.length / 2) : bytes.length + 10;
          const client = c.actor === 'anonymous' ? undefined : clients[c.actor];
          const sent: Record<string, string> = {
            ...(c.headers.accept !== undefined ? { accept: c.headers.accept } : {}),
            ...(contentType !== undefined ? { 'content-type': contentType } : {}),
            ...(c.headers.contentEncoding !== undefined ? { 'content-encoding': c.headers.contentEncoding } : {}),
            ...(bytes.length || c.headers.length !== 'exact' ? { 'content-length': String(declared) } : {}),
            ...(client ? { cookie: client.cookieHeader, 'x-csrf-token': client.csrfToken } : {}),
          };
          // A body longer than announced leaves the server waiting for bytes that never come: rightly no answer then.
          const answer: RawHttpAnswer = await rawHttpRequest(t.baseUrl, { method: c.method, path: c.path, headers: sent, body: bytes, waitMs: c.headers.length === 'long' ? 300 : 15_000 });
          const described = () =>
            `${c.method} ${c.path.length > 200 ? `${c.path.slice(0, 200)}… (${c.path.length} chars)` : c.path} as ${c.actor}, headers ${JSON.stringify({ ...sent, cookie: undefined, 'x-csrf-token': undefined })}, ` +
            `body ${c.body.kind} of ${bytes.length} bytes → ${answer.status ?? answer.error}: ${answer.body.slice(0, 400)}`;
          tally.set(answer.status ?? 'no answer', (tally.get(answer.status ?? 'no answer') ?? 0) + 1);
          if (answer.status === undefined) {
            assert.equal(c.headers.length, 'long', `no answer: ${described()}`);
            return;
          }
          assert.ok(answer.status < 500, `a ${answer.status}: ${described()}`);
          const type = String(answer.headers['content-type'] ?? '');
          if (answer.status >= 400 && type.startsWith('application/json') && c.method !== 'HEAD') {
            let parsed: unknown;
            assert.doesNotThrow(() => (parsed = JSON.parse(answer.body)), `JSON that does not parse: ${described()}`);
            try {
              assertErrorShape(c.path, answer.status, parsed);
            } catch (error) {
              throw new Error(`${(error as Error).message}: ${described()}`);
            }
          }
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, endOnFailure: false },
      );
      console.log(`      statuses: ${[...tally.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, n]) => `${s}×${n}`).join(' ')}`);
      assert.equal((await fetch(`${t.baseUrl}/healthz`)).status, 200, 'the server still answers afterwards');
    });
  });
}
