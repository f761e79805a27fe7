import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { ClaimedNotification } from '../../outbox/Delivery.js';
import { wakeOutboxWorkers } from '../../outbox/wakeUp.js';
import { isPostgres, type Db } from '../createDatabase.js';
import { fromJson, toIso, toJson } from '../json.js';

export type NotificationKind = 'email' | 'webhook';

export interface Notification {
  kind: NotificationKind;
  requestId: number;
  eventId?: number | undefined;
  /**
   * What orders deliveries with the request: rows of one request and channel are delivered one after the
   * other, in the order they were queued, even across retries. `webhook:<webhookId>`, `email:<address>`…;
   * the kind when absent.
   */
  channel?: string | undefined;
  payload: Record<string, unknown>;
  at: string;
}

/**
 * The statuses of a notification: `pending` until `delivered`, or `dead` once it will no longer be tried;
 * `held` while what it goes to is switched off (a disabled webhook): kept, not tried, released in order when
 * it is switched on again.
 */
export type NotificationStatus = 'pending' | 'delivered' | 'dead' | 'held';

/**
 * Queue what to send or produce, in the transaction of the event that causes it (the transactional outbox).
 * Each row gets its `delivery_id`, the same on every attempt. Once that transaction commits, this process's
 * workers are woken; a rolled back transaction leaves nothing to deliver.
 */
export async function enqueue(db: Db, ...notifications: Notification[]): Promise<void> {
  if (!notifications.length) return;
  await db('notifications').insert(
    notifications.map((n) => ({
      delivery_id: randomUUID(),
      kind: n.kind,
      channel: n.channel ?? n.kind,
      request_id: n.requestId,
      event_id: n.eventId ?? null,
      payload: toJson(n.payload),
      status: 'pending',
      attempts: 0,
      available_at: n.at,
      created_at: n.at,
    })),
  );
  afterCommit(db, wakeOutboxWorkers);
}

/** Runs `then` once the outermost transaction `db` belongs to commits (at once outside a transaction). */
function afterCommit(db: Db, then: () => void): void {
  if (!db.isTransaction) return void queueMicrotask(then);
  let tx = db as Knex.Transaction & { parentTransaction?: Knex.Transaction };
  while (tx.parentTransaction) tx = tx.parentTransaction as typeof tx;
  // A rolled back transaction rejects the promise: its caller handles that, here it only means no wake-up.
  tx.executionPromise?.then(then, () => undefined);
}

export interface ClaimOptions {
  /** Who holds the lease (`locked_by`): a worker's id. */
  workerId: string;
  now: Date;
  /** Until when the claimed rows are this worker's; after that another worker may take them again. */
  leaseUntil: Date;
  limit: number;
  /** Only these kinds: a kind without a handler in this process stays pending. */
  kinds: readonly NotificationKind[];
}

/**
 * Lease up to `limit` due rows to a worker, oldest first, and never a row while an earlier pending row of the
 * same request and channel exists (delivered or dead rows do not block). One statement: on PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets workers of several processes claim side by side without waiting on each other
 * or taking the same row; on SQLite the statement runs under the database's single write lock.
 */
export async function claimNotifications(db: Db, options: ClaimOptions): Promise<ClaimedNotification[]> {
  if (!options.kinds.length || options.limit <= 0) return [];
  const now = options.now.toISOString();
  const pg = isPostgres(db);
  // "The first pending row of its request and channel" as a scalar subquery rather than NOT EXISTS: PostgreSQL
  // would plan NOT EXISTS as an anti-join, and on a freshly filled table (statistics not yet gathered) it chose
  // one that read every pending row for each candidate; this form is one index lookup per candidate.
  const sql = `UPDATE notifications SET locked_by = ?, locked_until = ?
    WHERE id IN (
      SELECT n.id FROM notifications n
      WHERE n.status = 'pending' AND n.available_at <= ? AND (n.locked_until IS NULL OR n.locked_until < ?)
        AND n.kind IN (${options.kinds.map(() => '?').join(', ')})
        AND n.id = (
          SELECT e.id FROM notifications e
          WHERE e.status = 'pending' AND e.request_id = n.request_id AND e.channel = n.channel
          ORDER BY e.id LIMIT 1
        )
      ORDER BY n.id
      LIMIT ?${pg ? ' FOR UPDATE OF n SKIP LOCKED' : ''}
    )
    RETURNING id, delivery_id, kind, channel, request_id, event_id, payload, attempts, created_at`;
  const result = await db.raw(sql, [options.workerId, options.leaseUntil.toISOString(), now, now, ...options.kinds, options.limit]);
  const rows = (pg ? result.rows : result) as ClaimedRow[];
  return rows.map(toClaimed).sort((a, b) => a.id - b.id);
}

interface ClaimedRow {
  id: number;
  delivery_id: string;
  kind: NotificationKind;
  channel: string;
  request_id: number;
  event_id: number | null;
  payload: unknown;
  attempts: number;
  created_at: unknown;
}

const toClaimed = (row: ClaimedRow): ClaimedNotification => ({
  id: Number(row.id),
  deliveryId: row.delivery_id,
  kind: row.kind,
  channel: row.channel,
  requestId: Number(row.request_id),
  eventId: row.event_id === null ? undefined : Number(row.event_id),
  payload: fromJson<Record<string, unknown>>(row.payload),
  attempts: Number(row.attempts),
  createdAt: toIso(row.created_at),
});

/**
 * The handler delivered these rows: they will not be tried again. Whoever holds the lease, so that a worker
 * whose lease ran out while it delivered still records the delivery; a row already delivered or dead is left
 * alone. Several rows in one statement: a worker records the deliveries that end together in one commit.
 */
export async function markDelivered(db: Db, ids: readonly number[], now: Date): Promise<number> {
  if (!ids.length) return 0;
  return db('notifications')
    .whereIn('id', ids)
    .where({ status: 'pending' })
    .update({ status: 'delivered', delivered_at: now.toISOString(), attempts: db.raw('attempts + 1'), locked_by: null, locked_until: null, last_error: null });
}

/**
 * An attempt failed: try again at `retryAt`, or never (`dead`). Only while this worker still holds the lease,
 * so that a late failure does not undo what another worker did with the row since.
 */
export async function markFailed(db: Db, id: number, workerId: string, failure: { error: string; retryAt?: Date | undefined }): Promise<boolean> {
  const changed = await db('notifications')
    .where({ id, status: 'pending', locked_by: workerId })
    .update({
      attempts: db.raw('attempts + 1'),
      last_error: failure.error.slice(0, 4000),
      locked_by: null,
      locked_until: null,
      ...(failure.retryAt ? { available_at: failure.retryAt.toISOString() } : { status: 'dead' }),
    });
  return changed > 0;
}

/** How many rows are in each status, for tests, benchmarks and an operator's glance. */
export async function countNotifications(db: Db): Promise<Record<NotificationStatus, number>> {
  const rows = (await db('notifications').select('status').count({ n: '*' }).groupBy('status')) as { status: string; n: number | string }[];
  const counts: Record<NotificationStatus, number> = { pending: 0, delivered: 0, dead: 0, held: 0 };
  for (const row of rows) counts[row.status as NotificationStatus] = Number(row.n);
  return counts;
}

/**
 * Set a claimed row aside (`held`) rather than try it: what it goes to is switched off. Its attempt counts, its
 * lease ends; it is not tried again until `releaseHeld` puts it back.
 */
export async function holdNotification(db: Db, id: number, reason: string): Promise<boolean> {
  const changed = await db('notifications')
    .where({ id, status: 'pending' })
    .update({ status: 'held', attempts: db.raw('attempts + 1'), last_error: reason.slice(0, 4000), locked_by: null, locked_until: null });
  return changed > 0;
}

/**
 * Put a channel's held rows back to be delivered now, in the order they were queued (claiming orders them by
 * id per request). Their attempt counts start again: the outage that held them is over. The number released.
 */
export async function releaseHeld(db: Db, channel: string, now: Date): Promise<number> {
  const released = await db('notifications')
    .where({ channel, status: 'held' })
    .update({ status: 'pending', attempts: 0, available_at: now.toISOString(), locked_by: null, locked_until: null });
  if (released) afterCommit(db, wakeOutboxWorkers);
  return released;
}

/** How many rows of each channel wait to be delivered (pending or held); channels with none are absent. */
export async function waitingCounts(db: Db, channels: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!channels.length) return counts;
  const rows = (await db('notifications').whereIn('status', ['pending', 'held']).whereIn('channel', channels).select('channel').count({ n: '*' }).groupBy('channel')) as { channel: string; n: number | string }[];
  for (const row of rows) counts.set(row.channel, Number(row.n));
  return counts;
}

/** What waits on a channel that no longer exists (a deleted webhook) will never be delivered: `dead`, with why. */
export async function abandonChannel(db: Db, channel: string, reason: string): Promise<number> {
  return db('notifications')
    .where({ channel })
    .whereIn('status', ['pending', 'held'])
    .update({ status: 'dead', last_error: reason.slice(0, 4000), locked_by: null, locked_until: null });
}
