import type { AppContext } from '../AppContext.js';
import { isPostgres } from '../db/createDatabase.js';
import { startOutboxWorker, type DeliveryHandlers, type OutboxWorker, type OutboxWorkerOptions } from './outboxWorker.js';

export interface OutboxWorkers {
  workers: OutboxWorker[];
  stop(): Promise<void>;
}

/**
 * The outbox workers of one server process: `count` of them on PostgreSQL (they claim with SKIP LOCKED, as do
 * those of the other processes), always one on SQLite, whose single writer connection would only queue the others.
 */
export function startOutboxWorkers(ctx: AppContext, handlers: DeliveryHandlers, options: OutboxWorkerOptions & { count?: number } = {}): OutboxWorkers {
  const { count = 1, ...workerOptions } = options;
  const n = isPostgres(ctx.db) ? Math.max(0, count) : Math.min(1, Math.max(0, count));
  if (!isPostgres(ctx.db) && count > 1) ctx.log.info({ requested: count }, 'outbox: one worker per process on SQLite');
  const workers = Array.from({ length: n }, (_, i) => startOutboxWorker(ctx, handlers, { ...workerOptions, ...(workerOptions.workerId ? { workerId: `${workerOptions.workerId}:${i}` } : {}) }));
  return { workers, stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
}
