import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromJson } from '../../server/db/json.js';
import { createUser } from '../../server/db/repositories/users.js';
import type { ClaimedNotification } from '../../server/outbox/Delivery.js';
import { deliverWebhook } from '../../server/webhooks/deliverWebhook.js';
import { databaseChoices } from './helpers/databases.js';
import { ApiClient, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';
import { getPage, postForm, textOf } from './pages/htmlClient.js';

const USE_CASE = 'tarification-municipale-enfance';
const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);

interface Received {
  raw: Buffer;
  headers: IncomingHttpHeaders;
}

/** A provider's receiver on 127.0.0.1: keeps what it gets, answers what the test says. */
class Receiver {
  received: Received[] = [];
  answer: { status: number; body?: string } = { status: 204 };
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ raw: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(this.answer.status, this.answer.body !== undefined ? { 'content-type': 'application/json' } : {});
        res.end(this.answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/datapass/webhook`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get last(): Received {
    const last = this.received.at(-1);
    assert.ok(last, 'the receiver got a call');
    return last;
  }
}

/** What a provider does with each call: recompute the signature over the raw bytes, compare in constant time. */
function signatureValid(secret: string, r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(r.raw).digest('hex')}`);
  const sent = Buffer.from(String(r.headers['x-hub-signature-256'] ?? ''));
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

const count = async (query: Promise<{ n: unknown }[]>) => Number((await query)[0]!.n);

for (const choice of databaseChoices()) {
  describe(`webhooks: registration, signed deliveries, failures (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let receiver: Receiver;
    let developer: ApiClient, wildcardDeveloper: ApiClient, dgfipDeveloper: ApiClient, admin: ApiClient, instructor: ApiClient, reporter: ApiClient, applicant: ApiClient;
    let requestId: number;
    let webhookId: number;
    let secret: string;
    const savedDisableAfter = process.env.WEBHOOK_DISABLE_AFTER;

    before(async function () {
      t = await startTestApp(await choice.start(this));
      receiver = new Receiver();
      await receiver.start();
      const now = t.clock.now();
      await createUser(t.db, { email: 'dana.developpeuse@dinum.gouv.fr', givenName: 'Dana', familyName: 'Développeuse', roles: ['dinum:api-particulier:developer'] }, now);
      await createUser(t.db, { email: 'dominique.dev@dinum.gouv.fr', givenName: 'Dominique', familyName: 'Dev', roles: ['dinum:*:developer'] }, now);
      await createUser(t.db, { email: 'dev@dgfip.finances.gouv.fr', givenName: 'Dev', familyName: 'Dgfip', roles: ['dgfip:*:developer'] }, now);
      [developer, wildcardDeveloper, dgfipDeveloper] = await Promise.all([ApiClient.signIn(t.baseUrl, 'dana.developpeuse@dinum.gouv.fr'), ApiClient.signIn(t.baseUrl, 'dominique.dev@dinum.gouv.fr'), ApiClient.signIn(t.baseUrl, 'dev@dgfip.finances.gouv.fr')]);
      [admin, instructor, reporter, applicant] = await Promise.all([t.client('admin'), t.client('instructor'), t.client('reporter'), t.client('applicant')]);
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: USE_CASE, data: example() });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const submitted = await applicant.post(`/api/requests/${created.body.request.id}/events/submit`, { version: created.body.request.version, data: example() });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      requestId = Number(String(created.body.request.id).replace(/^D/, ''));
    });
    after(async () => {
      if (savedDisableAfter === undefined) delete process.env.WEBHOOK_DISABLE_AFTER;
      else process.env.WEBHOOK_DISABLE_AFTER = savedDisableAfter;
      await receiver?.stop();
      await t?.close();
    });

    it('keeps the pages to the definition’s developers and admins: 404 for anyone else', async () => {
      for (const client of [developer, wildcardDeveloper, admin]) assert.equal((await getPage(t.baseUrl, '/webhooks/api-particulier', client)).status, 200);
      for (const client of [instructor, reporter, applicant, dgfipDeveloper]) {
        assert.equal((await getPage(t.baseUrl, '/webhooks/api-particulier', client)).status, 404);
        assert.equal((await postForm(t.baseUrl, '/webhooks/api-particulier', client, { url: receiver.url, events: 'approve' })).status, 404);
      }
      for (const client of [instructor, reporter, applicant]) assert.equal((await getPage(t.baseUrl, '/webhooks', client)).status, 404);
      const dgfipList = await getPage(t.baseUrl, '/webhooks', dgfipDeveloper);
      assert.equal(dgfipList.status, 200, 'a DGFiP developer has their own definitions');
      assert.ok(!textOf(dgfipList.html).includes('API Particulier'), 'and only those');
      assert.ok(textOf((await getPage(t.baseUrl, '/webhooks', admin)).html).includes('API Particulier'));
      assert.equal(await count(t.db('webhooks').count({ n: '*' })), 0, 'nothing was created by the refused posts');
      assert.ok((await count(t.db('access_denials').count({ n: '*' }))) > 0, 'the refusals are recorded');
    });

    it('refuses a URL that is not https (outside localhost) and unknown events', async () => {
      const http = await postForm(t.baseUrl, '/webhooks/api-particulier', developer, { url: 'http://api.exemple.fr/hook', events: 'approve' });
      assert.equal(http.status, 422);
      assert.ok(textOf(http.html).includes('https://'), textOf(http.html));
      const unknown = await postForm(t.baseUrl, '/webhooks/api-particulier', developer, { url: 'https://api.exemple.fr/hook', events: 'explode' });
      assert.equal(unknown.status, 422);
      assert.ok(textOf(unknown.html).includes('Événement inconnu : explode'));
      const none = await postForm(t.baseUrl, '/webhooks/api-particulier', developer, { url: 'https://api.exemple.fr/hook' });
      assert.equal(none.status, 422);
      assert.equal(await count(t.db('webhooks').count({ n: '*' })), 0);
    });

    it('shows the secret once, and enables the webhook only after a successful signed test', async () => {
      const body = new URLSearchParams({ _csrf: developer.csrfToken, url: receiver.url });
      body.append('events', 'approve');
      body.append('events', 'revoke');
      const response = await fetch(`${t.baseUrl}/webhooks/api-particulier`, { method: 'POST', redirect: 'manual', headers: { accept: 'text/html', cookie: developer.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' }, body });
      const html = await response.text();
      assert.equal(response.status, 201, textOf(html));
      const shown = /<code data-secret="(\d+)">([0-9a-f]{64})<\/code>/.exec(html);
      assert.ok(shown, 'the secret is shown after creation');
      webhookId = Number(shown[1]);
      secret = shown[2]!;
      const row = await t.db('webhooks').where({ id: webhookId }).first();
      assert.equal(row.secret, secret);
      assert.deepEqual(fromJson(row.events), ['approve', 'revoke']);
      assert.equal(Boolean(row.enabled), false, 'a new webhook starts disabled');
      const again = await getPage(t.baseUrl, '/webhooks/api-particulier', developer);
      assert.ok(!again.html.includes(secret), 'the secret is never shown again');
      assert.ok(textOf(again.html).includes(receiver.url));

      const early = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/activer`, developer, {});
      assert.equal(early.status, 422);
      assert.ok(textOf(early.html).includes('Testez d’abord'));
      assert.equal(Boolean((await t.db('webhooks').where({ id: webhookId }).first()).enabled), false);

      receiver.answer = { status: 500 };
      const failed = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/tester`, developer, {});
      assert.equal(failed.status, 422);
      assert.equal((await t.db('webhooks').where({ id: webhookId }).first()).tested_at, null);
      assert.equal((await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/activer`, developer, {})).status, 422);

      receiver.answer = { status: 200, body: '{"ok":true}' };
      const tested = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/tester`, developer, {});
      assert.equal(tested.status, 303, textOf(tested.html));
      const call = receiver.last;
      assert.ok(signatureValid(secret, call), 'the test call is signed with the secret');
      assert.equal(call.headers['content-type'], 'application/json');
      const testPayload = JSON.parse(call.raw.toString('utf8'));
      assert.equal(testPayload.test, true);
      assert.equal(testPayload.model_type, 'authorization_request/api-particulier');
      assert.ok((await t.db('webhooks').where({ id: webhookId }).first()).tested_at, 'tested_at recorded');
      const enabled = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/activer`, developer, {});
      assert.equal(enabled.status, 303);
      assert.equal(Boolean((await t.db('webhooks').where({ id: webhookId }).first()).enabled), true);
      const log = textOf((await getPage(t.baseUrl, '/webhooks/api-particulier', developer)).html);
      assert.ok(log.includes('Actif') && log.includes('Test'), log);
    });

    it('queues exactly one row per webhook subscribed to the event, enabled or not, in the event’s transaction', async () => {
      const at = t.clock.now().toISOString();
      // Subscribed to approve but disabled; enabled but subscribed elsewhere; another definition's.
      await t.db('webhooks').insert([
        { definition_id: 'api-particulier', url: 'https://a.exemple.fr/hook', events: JSON.stringify(['approve']), secret: 'x'.repeat(64), enabled: false, consecutive_failures: 0, created_at: at, updated_at: at },
        { definition_id: 'api-particulier', url: 'https://b.exemple.fr/hook', events: JSON.stringify(['refuse']), secret: 'y'.repeat(64), enabled: true, consecutive_failures: 0, created_at: at, updated_at: at },
        { definition_id: 'api-entreprise', url: 'https://c.exemple.fr/hook', events: JSON.stringify(['approve']), secret: 'z'.repeat(64), enabled: true, consecutive_failures: 0, created_at: at, updated_at: at },
      ]);
      const before = await count(t.db('notifications').where({ kind: 'webhook' }).count({ n: '*' }));
      const current = (await instructor.get(`/api/requests/D${requestId}`)).body.request;
      const approved = await instructor.post(`/api/requests/D${requestId}/events/approve`, { version: current.version });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const rows = await t.db('notifications').where({ kind: 'webhook' }).orderBy('id');
      const added = rows.slice(before);
      assert.deepEqual(added.map((r) => fromJson<{ webhookId: number }>(r.payload).webhookId).sort(), [webhookId, Number((await t.db('webhooks').where({ url: 'https://a.exemple.fr/hook' }).first()).id)].sort(), 'one row per webhook subscribed to approve: the disabled one’s waits for it to be enabled');
      const row = added.find((r) => fromJson<{ webhookId: number }>(r.payload).webhookId === webhookId)!;
      const payload = fromJson<{ webhookId: number; body: string }>(row.payload);
      assert.equal(payload.webhookId, webhookId);
      assert.equal(row.channel, `webhook:${webhookId}`, 'one ordered channel per webhook');
      const event = await t.db('request_events').where({ id: row.event_id }).first();
      assert.equal(event.event, 'approve');
      const body = JSON.parse(payload.body);
      assert.deepEqual(Object.keys(body), ['event', 'fired_at', 'model_type', 'model_id', 'data']);
      assert.equal(body.event, 'approve');
      assert.equal(body.fired_at, Math.floor(t.clock.now().getTime() / 1000));
      assert.equal(body.model_type, 'authorization_request/api-particulier');
      assert.equal(body.model_id, requestId);
      assert.equal(body.data.state, 'validated', 'read in the transaction, after the event');
      assert.equal(body.data.public_id, `D${requestId}`);
      assert.equal(body.data.organization.siret, '21350238500019');
      assert.equal(body.data.applicant.email, 'camille.applicant@commune-a.fr');
      assert.equal(body.data.authorizations.length, 1);
      assert.equal(body.data.authorizations[0].state, 'active');
      assert.ok(body.data.last_validated_at && body.data.last_submitted_at);
      assert.deepEqual(Object.keys(body.data.applicant), ['id', 'email', 'given_name', 'family_name', 'phone_number', 'job_title']);
    });

    const claimed = async (attempts: number): Promise<ClaimedNotification> => {
      const row = await t.db('notifications').where({ kind: 'webhook' }).whereRaw(`${choice.name === 'SQLite' ? "json_extract(payload, '$.webhookId')" : "(payload->>'webhookId')::int"} = ?`, [webhookId]).orderBy('id', 'desc').first();
      return { id: Number(row.id), deliveryId: String(row.delivery_id), kind: 'webhook', requestId: Number(row.request_id), eventId: row.event_id ? Number(row.event_id) : undefined, payload: fromJson(row.payload), attempts, createdAt: new Date(row.created_at).toISOString() };
    };

    it('delivers the stored body byte for byte, signed, and keeps token_id as the request’s external_provider_id', async () => {
      const n = await claimed(0);
      receiver.answer = { status: 201, body: JSON.stringify({ token_id: 'jeton-42' }) };
      const outcome = await deliverWebhook(t.ctx, n);
      assert.deepEqual(outcome, { ok: true });
      const call = receiver.last;
      assert.equal(call.raw.toString('utf8'), n.payload.body, 'the exact bytes queued');
      assert.ok(signatureValid(secret, call));
      assert.equal(call.headers['x-datapass-delivery'], n.deliveryId);
      assert.equal(call.headers['x-datapass-event'], 'approve');
      assert.equal((await t.db('requests').where({ id: requestId }).first()).external_provider_id, 'jeton-42');
      const attempt = await t.db('webhook_attempts').where({ notification_id: n.id }).first();
      assert.equal(attempt.status_code, 201);
      assert.equal(attempt.delivery_id, n.deliveryId);
      assert.ok(String(attempt.response_excerpt).includes('jeton-42'));
      // The request page links to the provider's token.
      const page = await getPage(t.baseUrl, `/demandes/D${requestId}`, applicant);
      assert.ok(page.html.includes('compte/jetons/jeton-42'), 'access link interpolated');
    });

    it('replays a delivery from the log as a new row with the same body', async () => {
      const n = await claimed(0);
      const attempt = await t.db('webhook_attempts').where({ notification_id: n.id }).first();
      const before = await count(t.db('notifications').where({ kind: 'webhook' }).count({ n: '*' }));
      const replayed = await postForm(t.baseUrl, `/webhooks/api-particulier/appels/${attempt.id}/rejouer`, developer, {});
      assert.equal(replayed.status, 303, textOf(replayed.html));
      const rows = await t.db('notifications').where({ kind: 'webhook' }).orderBy('id');
      assert.equal(rows.length, before + 1);
      assert.equal(fromJson<{ body: string }>(rows.at(-1)!.payload).body, n.payload.body);
      assert.equal((await postForm(t.baseUrl, `/webhooks/api-particulier/appels/${attempt.id}/rejouer`, dgfipDeveloper, {})).status, 404);
    });

    it('counts failures, warns the developers at the 5th, disables after WEBHOOK_DISABLE_AFTER more', async () => {
      process.env.WEBHOOK_DISABLE_AFTER = '2';
      const n = await claimed(0);
      const emails = () => count(t.db('notifications').where({ kind: 'email' }).whereRaw(`${choice.name === 'SQLite' ? "json_extract(payload, '$.template')" : "payload->>'template'"} = ?`, ['webhook_failing']).count({ n: '*' }));
      receiver.answer = { status: 400, body: '{"error":"bad"}' };
      assert.deepEqual(await deliverWebhook(t.ctx, n), { ok: false, error: 'Réponse HTTP 400', retryable: true }, 'a 4xx is retried too');
      receiver.answer = { status: 503 };
      for (let i = 2; i <= 4; i++) {
        const outcome = await deliverWebhook(t.ctx, { ...n, attempts: i - 1 });
        assert.equal(outcome.ok, false);
        assert.equal(!outcome.ok && outcome.retryable, true, 'a 5xx is retried');
      }
      assert.equal(await emails(), 0);
      await deliverWebhook(t.ctx, { ...n, attempts: 4 });
      const warned = await t.db('notifications').where({ kind: 'email' }).orderBy('id');
      const recipients = warned.map((r) => fromJson<{ to: string; template: string; definitionId: string; locals: Record<string, unknown> }>(r.payload)).filter((p) => p.template === 'webhook_failing');
      assert.deepEqual(recipients.map((p) => p.to).sort(), ['dana.developpeuse@dinum.gouv.fr', 'dominique.dev@dinum.gouv.fr']);
      assert.deepEqual(recipients[0]!.locals, { url: receiver.url, failures: 5, lastError: 'Réponse HTTP 503', definitionName: 'API Particulier' });
      assert.equal(recipients[0]!.definitionId, 'api-particulier');
      await deliverWebhook(t.ctx, { ...n, attempts: 5 });
      assert.equal(Boolean((await t.db('webhooks').where({ id: webhookId }).first()).enabled), true, 'still enabled after 6');
      const last = await deliverWebhook(t.ctx, { ...n, attempts: 6 });
      assert.deepEqual(last, { ok: false, held: true, retryable: false, error: 'Réponse HTTP 503' }, 'the failure that disables holds the row');
      assert.equal((await t.db('notifications').where({ id: n.id }).first()).status, 'held', 'held, not dead');
      const row = await t.db('webhooks').where({ id: webhookId }).first();
      assert.equal(Boolean(row.enabled), false);
      assert.equal(Number(row.consecutive_failures), 7);
      assert.ok(String(row.disabled_reason).includes('7 échecs consécutifs'), row.disabled_reason);
      assert.equal(row.tested_at, null, 'a new test is needed');
      assert.equal(await emails(), 2, 'warned once');
      const disabledEmails = await count(t.db('notifications').where({ kind: 'email' }).whereRaw(`${choice.name === 'SQLite' ? "json_extract(payload, '$.template')" : "payload->>'template'"} = ?`, ['webhook_disabled']).count({ n: '*' }));
      assert.equal(disabledEmails, 2, 'each developer is told it is disabled');
      const calls = receiver.received.length;
      const other = (await t.db('notifications').where({ kind: 'webhook', status: 'pending' }).whereNot({ id: n.id }).orderBy('id').first())!;
      const held = await deliverWebhook(t.ctx, { ...n, id: Number(other.id), payload: { ...n.payload, webhookId } });
      assert.equal(held.ok === false && held.held, true);
      assert.equal((await t.db('notifications').where({ id: other.id }).first()).status, 'held');
      assert.equal(receiver.received.length, calls, 'a disabled webhook is not called');
      assert.equal(await count(t.db('webhook_attempts').where({ webhook_id: webhookId }).whereNotNull('notification_id').count({ n: '*' })), 8, 'each attempt logged (one earlier delivery, seven here)');
      assert.equal((await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/activer`, developer, {})).status, 422, 'enabling again needs a new test');
      const page = textOf((await getPage(t.baseUrl, '/webhooks/api-particulier', developer)).html);
      assert.ok(page.includes('Désactivé automatiquement'), page);
    });

    it('a network error is retryable and logged', async () => {
      const dead = await t.db('webhooks').where({ definition_id: 'api-particulier', url: 'https://b.exemple.fr/hook' }).first();
      await t.db('webhooks').where({ id: dead.id }).update({ url: 'http://127.0.0.1:1/hook' });
      const outcome = await deliverWebhook(t.ctx, { id: (await claimed(0)).id, deliveryId: 'net-1', kind: 'webhook', requestId, payload: { webhookId: dead.id, body: '{"event":"refuse"}' }, attempts: 0, createdAt: t.clock.now().toISOString() });
      assert.equal(outcome.ok, false);
      assert.equal(!outcome.ok && outcome.retryable, true);
      const attempt = await t.db('webhook_attempts').where({ webhook_id: dead.id }).first();
      assert.equal(attempt.status_code, null);
      assert.ok(String(attempt.error).startsWith('Erreur réseau'), attempt.error);
    });

    it('regenerates the secret, shown once', async () => {
      const response = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/secret`, wildcardDeveloper, {});
      assert.equal(response.status, 200);
      const shown = /<code data-secret="\d+">([0-9a-f]{64})<\/code>/.exec(response.html)?.[1];
      assert.ok(shown && shown !== secret);
      assert.equal((await t.db('webhooks').where({ id: webhookId }).first()).secret, shown);
      assert.ok(!(await getPage(t.baseUrl, '/webhooks/api-particulier', wildcardDeveloper)).html.includes(shown));
    });
  });
}
