import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Registry } from '../engine/index.js';
import type { AppContext } from '../server/AppContext.js';
import { createDatabase, type Db } from '../server/db/createDatabase.js';
import { migrate } from '../server/db/migrate.js';
import { countNotifications, enqueue, type Notification } from '../server/db/repositories/outbox.js';
import { upsertOrganization } from '../server/db/repositories/organizations.js';
import { createUser } from '../server/db/repositories/users.js';
import type { DeliveryHandler } from '../server/outbox/Delivery.js';
import { startOutboxWorker } from '../server/outbox/outboxWorker.js';
import { postgresAvailable, postgresUrl } from '../test/helpers/postgres.js';
import { httpPostHandler, OutboxReceiver } from '../test/server/helpers/outboxReceiver.js';
import type { Row } from './serverBench.js';

const COUNT = Number(process.env.BENCH_OUTBOX_ROWS ?? 5000);
/** Rows per request: deliveries of one request (and channel) go one after the other. */
const PER_REQUEST = 10;
const CONCURRENCY = 16;

const perSecond = (n: number, ms: number) => `${Math.round((n * 1000) / ms)}/s`;

/** Requests to hang the notifications on (the table's foreign key), written directly: the engine is not measured here. */
async function seedRequests(db: Db, count: number): Promise<number[]> {
  const now = new Date();
  const organizationId = await upsertOrganization(db, { siret: '21920023500014', name: 'Commune de Clamart', closed: false, inseePayload: {} }, now);
  const applicantId = await createUser(db, { email: 'applicant@bench.fr' }, now);
  const ids: number[] = [];
  for (let i = 0; i < count; i += 200) {
    const rows = Array.from({ length: Math.min(200, count - i) }, () => ({ definition_id: 'bench', definition_version: '1', state: 'submitted', data: '{}', organization_id: organizationId, applicant_id: applicantId, created_at: now.toISOString(), updated_at: now.toISOString() }));
    const inserted = (await db('requests').insert(rows).returning('id')) as ({ id: number } | number)[];
    ids.push(...inserted.map((r) => Number(typeof r === 'object' ? r.id : r)));
  }
  return ids;
}

async function fill(db: Db, requestIds: number[]): Promise<void> {
  await db('notifications').delete();
  const at = new Date(Date.now() - 1000).toISOString();
  const rows: Notification[] = [];
  for (let seq = 0; seq < PER_REQUEST; seq++) for (const requestId of requestIds) rows.push({ kind: 'webhook', requestId, channel: 'webhook:bench', payload: { requestId, seq }, at });
  for (let i = 0; i < rows.length; i += 500) await enqueue(db, ...rows.slice(i, i + 500));
}

/** The time one worker takes to deliver every queued row through `handler`. */
async function timeOutbox(ctx: AppContext, requestIds: number[], handler: DeliveryHandler): Promise<number> {
  await fill(ctx.db, requestIds);
  const began = performance.now();
  const worker = startOutboxWorker(ctx, { webhook: handler }, { concurrency: CONCURRENCY, pollMs: 50 });
  await worker.drain();
  const ms = performance.now() - began;
  await worker.stop();
  const counts = await countNotifications(ctx.db);
  if (counts.delivered !== COUNT) throw new Error(`outbox bench: ${counts.delivered}/${COUNT} delivered`);
  return ms;
}

/** The same POSTs sent straight to the receiver, `CONCURRENCY` at a time: what the outbox adds is the rest. */
async function timeDirect(receiver: OutboxReceiver, count = COUNT): Promise<number> {
  const post = httpPostHandler(receiver.url);
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const outcome = await post({} as AppContext, { id: i, deliveryId: String(i), kind: 'webhook', requestId: i % 500, payload: { requestId: i % 500, seq: i }, attempts: 0, createdAt: '' });
        if (!outcome.ok) throw new Error(outcome.error);
      }
    }),
  );
  return performance.now() - began;
}

async function benchDatabase(rows: Row[], name: string, db: Db, receiver: OutboxReceiver, cleanup: () => void): Promise<void> {
  try {
    await migrate(db);
    const requestIds = await seedRequests(db, COUNT / PER_REQUEST);
    const ctx: AppContext = { db, reads: db, registry: {} as Registry, clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
    receiver.reset();
    const http = await timeOutbox(ctx, requestIds, httpPostHandler(receiver.url));
    if (receiver.log.length < COUNT) throw new Error(`outbox bench: the receiver got ${receiver.log.length}/${COUNT}`);
    const noop = await timeOutbox(ctx, requestIds, async () => ({ ok: true }));
    rows.push([`outbox: ${COUNT} webhooks to a local HTTP receiver, ${name}, 1 worker`, perSecond(COUNT, http), `${CONCURRENCY} in flight, ${PER_REQUEST} ordered rows per request; ${(http / COUNT).toFixed(2)} ms each`]);
    rows.push([`  outbox, ${name}: no-op handler (claim + mark delivered only)`, perSecond(COUNT, noop), 'the database-bound ceiling of one worker']);
  } finally {
    await db.destroy();
    cleanup();
  }
}

/** Deliveries per second through the outbox on SQLite and PostgreSQL, beside the same POSTs sent directly. */
export async function outboxThroughput(rows: Row[]): Promise<void> {
  const receiver = await new OutboxReceiver().start();
  try {
    await timeDirect(receiver, 1000); // warms fetch up, as the outbox runs below will be
    const direct = await timeDirect(receiver);
    rows.push([`outbox baseline: ${COUNT} POSTs sent directly (no outbox)`, perSecond(COUNT, direct), `${CONCURRENCY} in flight, same receiver`]);
    const dir = mkdtempSync(join(tmpdir(), 'datapass-outbox-bench-'));
    await benchDatabase(rows, 'SQLite', createDatabase({ sqliteFile: join(dir, 'outbox.sqlite') }), receiver, () => rmSync(dir, { recursive: true, force: true }));
    const postgres = postgresAvailable();
    if (postgres.ok) await benchDatabase(rows, 'PostgreSQL', createDatabase({ url: await postgresUrl() }), receiver, () => undefined);
    else rows.push(['outbox, PostgreSQL', 'skipped', postgres.reason]);
  } finally {
    await receiver.stop();
  }
}
