import type { Db } from '../createDatabase.js';
import { toJson } from '../json.js';

export type NotificationKind = 'email' | 'webhook';

export interface Notification {
  kind: NotificationKind;
  requestId: number;
  eventId?: number | undefined;
  payload: Record<string, unknown>;
  at: string;
}

/** Queue what to send or produce, in the transaction of the event that causes it (the transactional outbox). */
export async function enqueue(db: Db, ...notifications: Notification[]): Promise<void> {
  if (!notifications.length) return;
  await db('notifications').insert(
    notifications.map((n) => ({ kind: n.kind, request_id: n.requestId, event_id: n.eventId ?? null, payload: toJson(n.payload), status: 'pending', attempts: 0, available_at: n.at, created_at: n.at })),
  );
}
