import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../AppContext.js';
import { claimNotifications, markDelivered, markFailed, type NotificationKind } from '../db/repositories/outbox.js';
import type { ClaimedNotification, DeliveryHandler, DeliveryOutcome } from './Delivery.js';
import { onOutboxWakeUp } from './wakeUp.js';

/** Who delivers each kind; a kind without a handler stays pending in this process (logged once). */
export type DeliveryHandlers = Partial<Record<NotificationKind, DeliveryHandler>>;

export interface OutboxWorkerOptions {
  /** The lease holder's name (`locked_by`); default `<host>:<pid>:<random>`. */
  workerId?: string;
  /** How often to look for due rows when nothing woke the worker (default 500 ms). */
  pollMs?: number;
  /** Deliveries in flight at once (default 16); rows of one request and channel are never in flight together. */
  concurrency?: number;
  /**
   * How long a claimed row is this worker's (default 2 min): a worker killed mid-delivery holds its rows that
   * long, then another worker (or the restarted one) delivers them again. A handler that takes longer than
   * 80 % of it is given up on as a retryable failure, so that stopping never waits on it for ever.
   */
  leaseMs?: number;
  /** Attempts before a row is `dead` (default 20); a webhook row is held instead (see server/webhooks/README.md). */
  maxAttempts?: number;
  /** The first retry delay (default 1 s), doubled at each attempt up to `backoffCapMs` (default 1 h), with jitter. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Jitter source, in [0, 1): injectable for tests. */
  random?: () => number;
}

export interface OutboxWorker {
  readonly workerId: string;
  /** Look for due rows now rather than at the next poll. */
  nudge(): void;
  /** Resolves once no row is due and none is in flight (rows waiting for a retry are not due). */
  drain(): Promise<void>;
  /** Stop claiming, finish the deliveries in flight, then resolve. */
  stop(): Promise<void>;
}

const DEFAULTS = { pollMs: 500, concurrency: 16, leaseMs: 120_000, maxAttempts: 20, backoffBaseMs: 1_000, backoffCapMs: 3_600_000 };

/** The delay before retry number `attempts` (1 for the first retry): exponential, capped, half of it jittered. */
export function backoffDelay(attempts: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempts - 1, 40));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

const warnedKinds = new Set<string>();

/**
 * Deliver the outbox: claim due rows (leased, in order per request and channel), hand each to its kind's
 * handler, record the outcome. At least once: a row is marked delivered only after its handler said so, and
 * its `deliveryId` is the same on every attempt, so receivers deduplicate. Several workers, in one process or
 * in several sharing PostgreSQL, split the rows between them; on SQLite run one per process.
 */
export function startOutboxWorker(ctx: AppContext, handlers: DeliveryHandlers, options: OutboxWorkerOptions = {}): OutboxWorker {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const random = options.random ?? Math.random;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const log = ctx.log.child({ outboxWorker: workerId });
  const kinds = (Object.keys(handlers) as NotificationKind[]).filter((k) => handlers[k]);
  for (const kind of ['email', 'webhook'] as const) {
    if (handlers[kind] || warnedKinds.has(kind)) continue;
    warnedKinds.add(kind);
    log.warn({ kind }, `outbox: no handler for "${kind}" notifications in this process: they stay pending`);
  }

  const inFlight = new Map<number, Promise<void>>();
  let stopping = false;
  let wake: (() => void) | undefined;
  let woken = false;
  let idleWaiters: (() => void)[] = [];
  const nudge = () => {
    woken = true;
    wake?.();
  };
  const unsubscribe = onOutboxWakeUp(nudge);

  // Deliveries that end while a write is under way are recorded together by the next one (a group commit):
  // one statement and, on SQLite, one fsync for many rows. A row's slot is freed only once it is recorded, so
  // the next row of its channel cannot be claimed before.
  const delivered: { id: number; done: (error?: unknown) => void }[] = [];
  let recording: Promise<void> | undefined;
  const recordDelivered = (id: number) =>
    new Promise<void>((resolve, reject) => {
      delivered.push({ id, done: (error) => (error === undefined ? resolve() : reject(error)) });
      recording ??= (async () => {
        while (delivered.length) {
          const batch = delivered.splice(0, 500);
          try {
            await markDelivered(ctx.db, batch.map((d) => d.id), ctx.clock.now());
            for (const d of batch) d.done();
          } catch (error) {
            for (const d of batch) d.done(error ?? new Error('recording failed'));
          }
        }
        recording = undefined;
      })();
    });

  const deliver = async (notification: ClaimedNotification): Promise<void> => {
    const handler = handlers[notification.kind]!;
    let outcome: DeliveryOutcome;
    try {
      outcome = await withTimeout(handler(ctx, { ...notification, maxAttempts: o.maxAttempts }), o.leaseMs * 0.8);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error), retryable: true };
    }
    if (outcome.ok) return recordDelivered(notification.id);
    if (outcome.held) return void log.info({ notification: notification.id, deliveryId: notification.deliveryId, kind: notification.kind, channel: notification.channel, reason: outcome.error }, 'outbox: held until its destination is switched on again');
    const now = ctx.clock.now();
    const attempts = notification.attempts + 1;
    const retry = outcome.retryable && attempts < o.maxAttempts;
    const retryAt = retry ? new Date(now.getTime() + backoffDelay(attempts, o.backoffBaseMs, o.backoffCapMs, random)) : undefined;
    await markFailed(ctx.db, notification.id, workerId, { error: outcome.error, retryAt });
    const details = { notification: notification.id, deliveryId: notification.deliveryId, kind: notification.kind, channel: notification.channel, attempts, error: outcome.error };
    if (retry) log.warn({ ...details, retryAt }, 'outbox: delivery failed, will retry');
    else log.error(details, outcome.retryable ? 'outbox: delivery failed too many times: dead' : 'outbox: delivery refused: dead');
  };

  const loop = async (): Promise<void> => {
    while (!stopping) {
      woken = false;
      let claimed: ClaimedNotification[] = [];
      const free = o.concurrency - inFlight.size;
      if (free > 0) {
        try {
          const now = ctx.clock.now();
          claimed = await claimNotifications(ctx.db, { workerId, now, leaseUntil: new Date(now.getTime() + o.leaseMs), limit: free, kinds });
        } catch (error) {
          log.error({ err: error }, 'outbox: claiming failed');
        }
      }
      for (const notification of claimed) {
        const running = deliver(notification)
          .catch((error: unknown) => log.error({ err: error, notification: notification.id }, 'outbox: recording an outcome failed: the lease will expire'))
          .finally(() => {
            inFlight.delete(notification.id);
            wake?.();
          });
        inFlight.set(notification.id, running);
      }
      if (claimed.length) continue;
      if (!inFlight.size) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
      }
      // Nothing more to claim now: wait for a poll, a nudge, or (when full or some rows are in flight) a delivery to end.
      if (!woken && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, o.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
    await Promise.all(inFlight.values());
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const running = loop();
  return {
    workerId,
    nudge,
    drain: () =>
      stopping
        ? running
        : new Promise<void>((resolve) => {
            idleWaiters.push(resolve);
            nudge();
          }),
    async stop() {
      stopping = true;
      unsubscribe();
      wake?.();
      await running;
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
