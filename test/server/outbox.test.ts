import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AppContext, Caller } from '../../server/AppContext.js';
import { countNotifications, enqueue, type Notification } from '../../server/db/repositories/outbox.js';
import { createRequest } from '../../server/lifecycle/fireEvent.js';
import type { DeliveryHandler } from '../../server/outbox/Delivery.js';
import { backoffDelay, startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../server/outbox/outboxWorker.js';
import { databaseChoices } from './helpers/databases.js';
import { httpPostHandler, OutboxReceiver, waitFor } from './helpers/outboxReceiver.js';
import { startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';

const FAST: OutboxWorkerOptions = { pollMs: 20, backoffBaseMs: 20, backoffCapMs: 200, leaseMs: 5000 };
const CHILD = join(import.meta.dirname, 'helpers', 'outboxWorkerProcess.ts');

describe('outbox backoff', () => {
  it('doubles from the base up to the cap, half of it jittered', () => {
    assert.equal(backoffDelay(1, 1000, 3_600_000, () => 0), 500);
    assert.equal(backoffDelay(1, 1000, 3_600_000, () => 0.999999), 1000);
    assert.equal(backoffDelay(5, 1000, 3_600_000, () => 0), 8000);
    assert.equal(backoffDelay(30, 1000, 3_600_000, () => 0.5), 2_700_000);
    assert.equal(backoffDelay(500, 1000, 3_600_000, () => 0), 1_800_000);
  });
});

for (const choice of databaseChoices()) {
  describe(`outbox delivery (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let ctx: AppContext;
    let requestIds: number[];
    /** What a worker process connects to: the SQLite file or the PostgreSQL URL. */
    let target: string;
    const receiver = new OutboxReceiver();
    let worker: OutboxWorker | undefined;
    const children: ChildProcess[] = [];

    before(async function () {
      const database = await choice.start(this);
      t = await startTestApp(database);
      target = database.kind === 'postgres' ? database.url : (t.db.client.config.connection as { filename: string }).filename;
      // The worker runs on the wall clock: the test app's clock is frozen.
      ctx = { ...t.ctx, clock: { now: () => new Date() } };
      const applicant: Caller = { userId: t.userIds.applicant, roles: [], organizationId: t.organizationIds.communeA };
      const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
      requestIds = [];
      for (let i = 0; i < 200; i++) requestIds.push((await createRequest(t.ctx, applicant, { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data })).id);
      await receiver.start();
    });
    beforeEach(async () => {
      await t.db('notifications').delete();
      receiver.reset();
    });
    afterEach(async () => {
      await worker?.stop();
      worker = undefined;
      for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    after(async () => {
      await receiver.stop();
      await t?.close();
    });

    /** `perRequest` rows for each of the first `requests` requests, interleaved, numbered 0… per request. */
    const enqueueRows = async (requests: number, perRequest: number, channel = 'webhook:test') => {
      const at = new Date(Date.now() - 1000).toISOString();
      const rows: Notification[] = [];
      for (let seq = 0; seq < perRequest; seq++) for (const requestId of requestIds.slice(0, requests)) rows.push({ kind: 'webhook', requestId, channel, payload: { requestId, seq }, at });
      for (let i = 0; i < rows.length; i += 500) await enqueue(t.db, ...rows.slice(i, i + 500));
    };
    const counts = () => countNotifications(t.db);
    const delivered = async (n: number) => (await counts()).delivered === n;
    const spawnWorker = (name: string, leaseMs: number) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        env: { ...process.env, OUTBOX_TEST_DB: target, OUTBOX_TEST_RECEIVER: receiver.url, OUTBOX_TEST_WORKER: name, OUTBOX_TEST_LEASE_MS: String(leaseMs) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      return child;
    };
    const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

    it('delivers pending rows over HTTP, marks them delivered and records the attempts', async () => {
      await enqueueRows(3, 5);
      worker = startOutboxWorker(ctx, { webhook: httpPostHandler(receiver.url) }, FAST);
      await waitFor('15 deliveries', () => delivered(15));
      const rows = await t.db('notifications').orderBy('id');
      assert.equal(receiver.log.length, 15);
      assert.deepEqual(new Set(receiver.log.map((r) => r.deliveryId)), new Set(rows.map((r) => r.delivery_id)));
      for (const row of rows) {
        assert.equal(row.status, 'delivered');
        assert.equal(Number(row.attempts), 1);
        assert.ok(row.delivered_at);
        assert.equal(row.locked_by, null);
        assert.match(row.delivery_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
      assert.deepEqual(receiver.outOfOrder(), []);
    });

    it('retries while the receiver is down, then delivers every row in order per request', async () => {
      await enqueueRows(10, 10);
      await receiver.stop();
      worker = startOutboxWorker(ctx, { webhook: httpPostHandler(receiver.url) }, FAST);
      await waitFor('failed attempts', async () => Number((await t.db('notifications').sum({ n: 'attempts' }))[0]!.n) >= 30);
      await new Promise((r) => setTimeout(r, 300));
      await receiver.start();
      await waitFor('100 deliveries', () => delivered(100));
      const rows = await t.db('notifications');
      const attempts = rows.reduce((sum, r) => sum + Number(r.attempts), 0);
      assert.equal(receiver.log.length, 100);
      assert.equal(receiver.duplicates(), 0);
      assert.deepEqual(receiver.outOfOrder(), []);
      assert.ok(attempts > 100, `retries counted: ${attempts} attempts`);
      console.log(`      receiver down then back: 100 rows delivered in order, ${attempts} attempts (${attempts - 100} retries)`);
    });

    it('never delivers a row queued in a transaction that was rolled back; a commit wakes the worker at once', async () => {
      worker = startOutboxWorker(ctx, { webhook: httpPostHandler(receiver.url) }, { ...FAST, pollMs: 60_000 });
      await worker.drain();
      const at = new Date(Date.now() - 1000).toISOString();
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await enqueue(tx, { kind: 'webhook', requestId: requestIds[0]!, payload: { requestId: requestIds[0], seq: 0 }, at });
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      const began = Date.now();
      await t.db.transaction(async (tx) => enqueue(tx, { kind: 'webhook', requestId: requestIds[1]!, payload: { requestId: requestIds[1], seq: 0 }, at }));
      // The poll is a minute away: only the wake-up after commit delivers this soon.
      await waitFor('the committed row', () => receiver.log.length === 1, 5000, 5);
      const wokenAfter = Date.now() - began;
      await worker.drain();
      assert.deepEqual(receiver.log.map((r) => r.requestId), [requestIds[1]]);
      assert.equal((await t.db('notifications')).length, 1);
      assert.ok(wokenAfter < 2000, `delivered ${wokenAfter} ms after commit`);
    });

    it('gives up after the maximum attempts or a refusal, and a dead row no longer holds its channel back', async () => {
      const seen: string[] = [];
      const handler: DeliveryHandler = async (_ctx, n) => {
        seen.push(`${n.channel}:${(n.payload as { seq: number }).seq}`);
        if (n.channel === 'webhook:flaky') return { ok: false, error: 'HTTP 503', retryable: true };
        if (n.channel === 'webhook:refuses' && (n.payload as { seq: number }).seq === 0) return { ok: false, error: 'HTTP 410', retryable: false };
        return { ok: true };
      };
      const at = new Date(Date.now() - 1000).toISOString();
      const requestId = requestIds[0]!;
      await enqueue(t.db, ...[0, 1].flatMap((seq) => ['webhook:flaky', 'webhook:refuses', 'webhook:fine'].map((channel) => ({ kind: 'webhook' as const, requestId, channel, payload: { seq }, at }))));
      worker = startOutboxWorker(ctx, { webhook: handler }, { ...FAST, maxAttempts: 3 });
      await waitFor('both flaky rows dead', async () => (await t.db('notifications').where({ channel: 'webhook:flaky', status: 'dead' })).length === 2);
      await worker.drain();
      const rows = await t.db('notifications').orderBy('id');
      const byChannel = (channel: string) => rows.filter((r) => r.channel === channel).map((r) => [r.status, Number(r.attempts), r.last_error]);
      assert.deepEqual(byChannel('webhook:flaky'), [['dead', 3, 'HTTP 503'], ['dead', 3, 'HTTP 503']]);
      assert.deepEqual(byChannel('webhook:refuses'), [['dead', 1, 'HTTP 410'], ['delivered', 1, null]]);
      assert.deepEqual(byChannel('webhook:fine'), [['delivered', 1, null], ['delivered', 1, null]]);
      // Within the flaky channel, the second row waited for the first one to die.
      const flaky = seen.filter((s) => s.startsWith('webhook:flaky'));
      assert.deepEqual(flaky, ['webhook:flaky:0', 'webhook:flaky:0', 'webhook:flaky:0', 'webhook:flaky:1', 'webhook:flaky:1', 'webhook:flaky:1']);
    });

    it('a kind without a handler stays pending, and graceful stop finishes the deliveries in flight', async () => {
      const at = new Date(Date.now() - 1000).toISOString();
      await enqueue(t.db, { kind: 'email', requestId: requestIds[0]!, payload: {}, at }, ...Array.from({ length: 8 }, (_, seq) => ({ kind: 'webhook' as const, requestId: requestIds[seq]!, payload: { seq }, at })));
      let started = 0;
      const slow: DeliveryHandler = async () => {
        started++;
        await new Promise((r) => setTimeout(r, 300));
        return { ok: true };
      };
      worker = startOutboxWorker(ctx, { webhook: slow }, FAST);
      await waitFor('deliveries in flight', () => started === 8);
      await worker.stop();
      worker = undefined;
      assert.deepEqual(await counts(), { pending: 1, delivered: 8, dead: 0, held: 0 });
    });

    it('SIGKILL of a worker process midway: restarted, it delivers every row; duplicates counted', async function () {
      const TOTAL = 1000;
      await enqueueRows(20, 50);
      const first = spawnWorker('first', 1000);
      await waitFor('400 deliveries', () => receiver.log.length >= 400, 60_000, 2);
      first.kill('SIGKILL');
      await exited(first);
      const beforeKill = receiver.log.length;
      const mid = await counts();
      const second = spawnWorker('second', 1000);
      await waitFor(`${TOTAL} deliveries`, () => delivered(TOTAL), 60_000);
      second.kill('SIGTERM');
      await exited(second);
      const unique = new Set(receiver.log.map((r) => r.deliveryId)).size;
      assert.equal(unique, TOTAL, 'no row lost');
      assert.deepEqual(await counts(), { pending: 0, delivered: TOTAL, dead: 0, held: 0 });
      assert.deepEqual(receiver.outOfOrder(), []);
      const duplicates = receiver.duplicates();
      // A duplicate is a row the killed worker delivered but had not yet marked: at most its deliveries in flight.
      assert.ok(duplicates <= 16, `${duplicates} duplicates`);
      console.log(`      SIGKILL after ${beforeKill} received (${mid.delivered} marked delivered): ${receiver.log.length} POSTs for ${TOTAL} rows, ${duplicates} duplicate(s)`);
    });

    // Several server processes share the outbox only on PostgreSQL; on SQLite each process has its one worker.
    if (choice.name === 'PostgreSQL') it('three worker processes share 10,000 rows: none lost, none twice', async function () {
      const TOTAL = 10_000;
      await enqueueRows(200, 50);
      const began = Date.now();
      const workers = ['w1', 'w2', 'w3'].map((name) => spawnWorker(name, 10_000));
      await waitFor(`${TOTAL} deliveries`, () => delivered(TOTAL), 90_000, 50);
      const seconds = (Date.now() - began) / 1000;
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map(exited));
      const perWorker = Object.fromEntries(['w1', 'w2', 'w3'].map((name) => [name, receiver.log.filter((r) => r.worker === name).length]));
      assert.equal(new Set(receiver.log.map((r) => r.deliveryId)).size, TOTAL, 'no row lost');
      assert.equal(receiver.duplicates(), 0, 'no row twice');
      assert.deepEqual(receiver.outOfOrder(), []);
      for (const [name, n] of Object.entries(perWorker)) assert.ok(n > 0, `${name} delivered nothing`);
      console.log(`      3 processes, ${TOTAL} rows in ${seconds.toFixed(1)} s (incl. start-up): ${JSON.stringify(perWorker)}, ${receiver.duplicates()} duplicates`);
    });
  });
}
