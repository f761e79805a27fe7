/**
 * A process that runs one outbox worker against a database the test prepared, delivering to the test's HTTP
 * receiver: the SIGKILL and several-process tests spawn it with `node --import tsx`.
 *   OUTBOX_TEST_DB        a SQLite file or a postgres:// URL
 *   OUTBOX_TEST_RECEIVER  the receiver's URL
 *   OUTBOX_TEST_WORKER    the worker's name (sent in the x-worker header)
 *   OUTBOX_TEST_LEASE_MS  the lease
 * Prints "ready" once started; SIGTERM stops it gracefully.
 */
import { pino } from 'pino';
import type { Registry } from '../../../engine/index.js';
import type { AppContext } from '../../../server/AppContext.js';
import { createDatabase } from '../../../server/db/createDatabase.js';
import { startOutboxWorker } from '../../../server/outbox/outboxWorker.js';
import { httpPostHandler } from './outboxReceiver.js';

const target = process.env.OUTBOX_TEST_DB!;
const worker = process.env.OUTBOX_TEST_WORKER ?? `child-${process.pid}`;
const db = target.startsWith('postgres') ? createDatabase({ url: target, poolMax: 8 }) : createDatabase({ sqliteFile: target });
// The worker needs the database, the clock and the log; it does not read the definitions.
const ctx: AppContext = { db, reads: db, registry: {} as Registry, clock: { now: () => new Date() }, log: pino({ level: process.env.OUTBOX_TEST_LOG ?? 'error' }, pino.destination(2)) };
const outbox = startOutboxWorker(ctx, { webhook: httpPostHandler(process.env.OUTBOX_TEST_RECEIVER!, worker) }, {
  workerId: worker,
  pollMs: 20,
  concurrency: 16,
  leaseMs: Number(process.env.OUTBOX_TEST_LEASE_MS ?? 2000),
  backoffBaseMs: 20,
  backoffCapMs: 200,
});
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await outbox.stop();
  await db.destroy();
  process.exit(0);
});
