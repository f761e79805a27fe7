import assert from 'node:assert/strict';
import { fromJson } from '../../server/db/json.js';
import { insertWebhook, updateWebhook } from '../../server/db/repositories/webhooks.js';
import { deliveryHandlers } from '../../server/outbox/handlers.js';
import { startOutboxWorker, type OutboxWorker } from '../../server/outbox/outboxWorker.js';
import { webhookEvents } from '../../server/webhooks/webhookEvents.js';
import { createUser } from '../../server/db/repositories/users.js';
import { databaseChoices } from './helpers/databases.js';
import { waitFor } from './helpers/outboxReceiver.js';
import { ApiClient, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';
import { WebhookReceiver } from './helpers/webhookReceiver.js';
import { getPage, postForm, textOf } from './pages/htmlClient.js';

const MAX_ATTEMPTS = 8;
const DEVELOPERS = ['dana.developpeuse@dinum.gouv.fr', 'dominique.dev@dinum.gouv.fr'];
const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);

/**
 * No event is lost between the platform and a provider's receiver: whatever the receiver answers, however long it
 * is down, and while its webhook is switched off, every event of a subscribed type reaches it, in order per
 * request, once it answers 2xx again. A real worker, a real receiver on 127.0.0.1, the developers' pages.
 */
for (const choice of databaseChoices()) {
  describe(`webhooks never drop an event (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let receiver: WebhookReceiver;
    let worker: OutboxWorker;
    let developer: ApiClient, applicant: ApiClient;
    let webhookId: number;
    const saved = { disableAfter: process.env.WEBHOOK_DISABLE_AFTER, smtp: process.env.SMTP_URL };

    before(async function () {
      delete process.env.SMTP_URL;
      t = await startTestApp(await choice.start(this));
      receiver = await new WebhookReceiver().start();
      const now = t.clock.now();
      await createUser(t.db, { email: DEVELOPERS[0]!, givenName: 'Dana', familyName: 'Développeuse', roles: ['dinum:api-particulier:developer'] }, now);
      await createUser(t.db, { email: DEVELOPERS[1]!, givenName: 'Dominique', familyName: 'Dev', roles: ['dinum:*:developer'] }, now);
      [developer, applicant] = await Promise.all([ApiClient.signIn(t.baseUrl, DEVELOPERS[0]!), t.client('applicant')]);
      const events = webhookEvents(testRegistry().definitions.get('api-particulier')!).map((e) => e.event);
      const at = now.toISOString();
      webhookId = await insertWebhook(t.db, { definitionId: 'api-particulier', url: receiver.url, events, secret: 's'.repeat(64), createdBy: t.userIds.admin, at });
      await updateWebhook(t.db, webhookId, { enabled: true, testedAt: at }, at);
      // The worker's retries fall due on the wall clock (the app's test clock stands still, earlier).
      worker = startOutboxWorker({ ...t.ctx, clock: { now: () => new Date() } }, deliveryHandlers(), { pollMs: 20, backoffBaseMs: 20, backoffCapMs: 80, maxAttempts: MAX_ATTEMPTS });
    });
    after(async () => {
      for (const [name, value] of [['WEBHOOK_DISABLE_AFTER', saved.disableAfter], ['SMTP_URL', saved.smtp]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await worker?.stop();
      await receiver?.stop();
      await t?.close();
    });

    /** A request created and submitted: a few webhook events (create, submit…). Its numeric id. */
    const fireEvents = async (): Promise<number> => {
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const submitted = await applicant.post(`/api/requests/${created.body.request.id}/events/submit`, { version: created.body.request.version, data: example() });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      return Number(String(created.body.request.id).slice(1));
    };
    /** The webhook's outbox rows for a request, in the order they were queued. */
    const queued = async (requestId: number) =>
      (await t.db('notifications').where({ channel: `webhook:${webhookId}`, request_id: requestId }).orderBy('id')).map((r) => ({
        deliveryId: String(r.delivery_id),
        event: fromJson<{ event: string }>(r.payload).event,
        status: String(r.status),
      }));
    const allDelivered = (requestIds: number[]) => async () => {
      for (const id of requestIds) {
        const rows = await queued(id);
        if (!rows.length || rows.some((r) => r.status !== 'delivered')) return false;
      }
      return true;
    };
    /** What the receiver accepted for a request, each delivery once (a retry after a lost answer may repeat one). */
    const acceptedOf = (requestId: number) => {
      const seen = new Set<string>();
      return receiver.accepted().filter((c) => c.requestId === requestId && !seen.has(c.deliveryId) && seen.add(c.deliveryId));
    };
    const assertDeliveredInOrder = async (requestId: number) => {
      const rows = await queued(requestId);
      assert.ok(rows.some((r) => r.event === 'create') && rows.some((r) => r.event === 'submit'), JSON.stringify(rows));
      assert.deepEqual(
        acceptedOf(requestId).map((c) => [c.deliveryId, c.event]),
        rows.map((r) => [r.deliveryId, r.event]),
        'every queued event reached the receiver, in the order of the request',
      );
    };
    const webhookRow = () => t.db('webhooks').where({ id: webhookId }).first();
    const testAndActivate = async () => {
      const tested = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/tester`, developer, {});
      assert.equal(tested.status, 303, textOf(tested.html));
      const activated = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/activer`, developer, {});
      assert.equal(activated.status, 303, textOf(activated.html));
      return activated;
    };

    it('retries a receiver that answers 400 until it answers 200: every event arrives, in order', async () => {
      receiver.script = [400, 400, 400];
      receiver.answer = { status: 200 };
      const requestId = await fireEvents();
      await waitFor('every event of the request delivered', allDelivered([requestId]));
      assert.equal(receiver.calls.filter((c) => c.status === 400).length, 3, 'the 400s were answered, and retried');
      await assertDeliveredInOrder(requestId);
      assert.equal(Boolean((await webhookRow()).enabled), true);
    });

    it('holds the events fired while the webhook is switched off, shows them waiting, and delivers them in order once it is tested and enabled', async () => {
      const off = await postForm(t.baseUrl, `/webhooks/api-particulier/${webhookId}/desactiver`, developer, {});
      assert.equal(off.status, 303);
      const calls = receiver.calls.length;
      const requestId = await fireEvents();
      await waitFor('the events held', async () => {
        const rows = await queued(requestId);
        return rows.length > 0 && rows.every((r) => r.status === 'held');
      });
      const waiting = (await queued(requestId)).length;
      assert.equal(receiver.calls.length, calls, 'a switched-off webhook is not called');
      const page = await getPage(t.baseUrl, '/webhooks/api-particulier', developer);
      assert.ok(page.html.includes(`data-waiting="${waiting}"`), 'the page counts the calls waiting');
      assert.ok(textOf(page.html).includes(`${waiting} appels en attente d’envoi`), textOf(page.html));

      const activated = await testAndActivate();
      assert.equal(activated.location, `/webhooks/api-particulier?fait=active&envoyes=${waiting}`);
      assert.ok(textOf((await getPage(t.baseUrl, activated.location!, developer)).html).includes(`Webhook activé : ${waiting} appels en attente sont envoyés dans l’ordre`));
      await waitFor('the held events delivered', allDelivered([requestId]));
      await assertDeliveredInOrder(requestId);
      assert.ok(textOf((await getPage(t.baseUrl, '/webhooks/api-particulier', developer)).html).includes('Aucun appel en attente'));
    });

    it('keeps the calls of a webhook the platform disables, e-mails its developers, and delivers everything after re-activation', async () => {
      process.env.WEBHOOK_DISABLE_AFTER = '0';
      try {
        receiver.answer = { status: 503 };
        const during = await fireEvents();
        await waitFor('the webhook disabled', async () => !(await webhookRow()).enabled);
        const row = await webhookRow();
        assert.match(String(row.disabled_reason), /5 échecs consécutifs/);
        const emails = (await t.db('notifications').where({ kind: 'email' }).orderBy('id')).map((r) => fromJson<{ to: string; template: string; locals: Record<string, unknown> }>(r.payload)).filter((p) => p.template === 'webhook_disabled');
        assert.deepEqual(emails.map((e) => e.to).sort(), DEVELOPERS, 'each developer is told');
        assert.equal(emails[0]!.locals.url, receiver.url);
        assert.match(String(emails[0]!.locals.link), /\/webhooks\/api-particulier$/);
        await waitFor('the calls held', async () => (await queued(during)).every((r) => r.status === 'held'));
        assert.equal(Number((await t.db('notifications').where({ kind: 'webhook', status: 'dead' }).count({ n: '*' }))[0]!.n), 0, 'nothing is dead');

        const afterwards = await fireEvents();
        await waitFor('the later events held too', async () => {
          const rows = await queued(afterwards);
          return rows.length > 0 && rows.every((r) => r.status === 'held');
        });
        assert.ok(textOf((await getPage(t.baseUrl, '/webhooks/api-particulier', developer)).html).includes('Désactivé automatiquement'));

        receiver.answer = { status: 200 };
        await testAndActivate();
        await waitFor('everything delivered', allDelivered([during, afterwards]));
        await assertDeliveredInOrder(during);
        await assertDeliveredInOrder(afterwards);
      } finally {
        delete process.env.WEBHOOK_DISABLE_AFTER;
      }
    });

    it('at the outbox’s last attempt for one call, disables the webhook and holds the call rather than let it die', async () => {
      receiver.answer = { status: 400 };
      const requestId = await fireEvents();
      await waitFor('the webhook disabled', async () => !(await webhookRow()).enabled);
      assert.match(String((await webhookRow()).disabled_reason), new RegExp(`un même appel a échoué ${MAX_ATTEMPTS} fois`));
      await waitFor('the calls held', async () => (await queued(requestId)).every((r) => r.status === 'held'));
      assert.equal(Number((await t.db('notifications').where({ kind: 'webhook', status: 'dead' }).count({ n: '*' }))[0]!.n), 0, 'nothing is dead');
      receiver.answer = { status: 200 };
      await testAndActivate();
      await waitFor('everything delivered', allDelivered([requestId]));
      await assertDeliveredInOrder(requestId);
    });
  });
}
