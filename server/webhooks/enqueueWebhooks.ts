import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { enqueue } from '../db/repositories/outbox.js';

export interface WebhookEvent {
  requestId: number;
  eventId: number | undefined;
  definitionId: string;
  event: string;
  at: string;
}

/** The workflow's `deliver_webhook`, in the event's transaction: one outbox row per webhook to call. */
export async function enqueueWebhooks(tx: Db, _ctx: AppContext, e: WebhookEvent): Promise<void> {
  await enqueue(tx, { kind: 'webhook', requestId: e.requestId, eventId: e.eventId, payload: { event: e.event }, at: e.at });
}
