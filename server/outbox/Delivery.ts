import type { AppContext } from '../AppContext.js';

/**
 * The contract between the outbox worker (server/outbox/) and what delivers each kind of notification
 * (server/webhooks/ for `webhook`, server/emails/ for `email`). A row of `notifications` is written in the
 * transaction of the event that causes it; the worker claims it after commit and hands it to its kind's handler.
 */
export type NotificationKind = 'email' | 'webhook';

export interface ClaimedNotification {
  id: number;
  /** Stable across retries and crashes: receivers deduplicate on it (sent as a header / Message-ID). */
  deliveryId: string;
  kind: NotificationKind;
  /**
   * What orders deliveries: the worker never hands over a row while an earlier undelivered row of the same
   * request and channel exists (e.g. `webhook:<webhookId>`, `email:<address>`; the kind when none was given).
   * Always set by the worker; optional so that hand-built notifications in tests need not name one.
   */
  channel?: string;
  requestId: number;
  eventId?: number | undefined;
  /**
   * What to deliver, fixed in the event's transaction: for `webhook`, `{ webhookId, body }` (the exact JSON
   * body of the contract); for `email`, `{ to, template, event, … }` (see server/emails/).
   */
  payload: Record<string, unknown>;
  /** Attempts already made before this one. */
  attempts: number;
  /**
   * The attempt count at which the worker gives a failing row up (`dead`), when it says: a handler whose rows
   * must not die while their destination lives (webhooks) acts on its last attempt instead.
   */
  maxAttempts?: number;
  createdAt: string;
}

/**
 * What a handler says of one attempt; the worker retries a retryable failure with exponential backoff and jitter.
 * `held`: the handler has set the row aside itself (status `held`, its destination is switched off); the worker
 * records nothing more.
 */
export type DeliveryOutcome = { ok: true } | { ok: false; error: string; retryable: boolean; held?: false } | { ok: false; error: string; retryable: false; held: true };

export type DeliveryHandler = (ctx: AppContext, notification: ClaimedNotification) => Promise<DeliveryOutcome>;
