import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { enqueue, type Notification } from '../db/repositories/outbox.js';
import { subscribedWebhooks } from '../db/repositories/webhooks.js';
import { webhookBody } from './webhookBody.js';

export interface WebhookEvent {
  requestId: number;
  eventId: number | undefined;
  definitionId: string;
  event: string;
  at: string;
}

/** What a `webhook` outbox row carries: the webhook to call and the exact body to post. */
export interface WebhookPayload {
  webhookId: number;
  /** The contract's JSON, serialized once (see webhookBody.ts). */
  body: string;
  /** The event, for the attempts log and the `X-DataPass-Event` header. */
  event: string;
}

/**
 * The outbox channel of a webhook: the worker delivers the rows of one request and channel in sequence, so a
 * receiver never gets a request's `approve` before the `submit` that preceded it, while one failing webhook
 * holds back no other.
 */
export const webhookChannel = (webhookId: number) => `webhook:${webhookId}`;

/** An outbox row for one webhook. */
export function webhookNotification(requestId: number, eventId: number | undefined, payload: WebhookPayload, at: string): Notification {
  return { kind: 'webhook', requestId, eventId, payload: { ...payload }, at, channel: webhookChannel(payload.webhookId) };
}

/**
 * The workflow's `deliver_webhook`, in the event's transaction: one outbox row per enabled webhook of the
 * definition subscribed to the event, none when there is none. The body is read here, in the transaction.
 */
export async function enqueueWebhooks(tx: Db, _ctx: AppContext, e: WebhookEvent): Promise<void> {
  const webhooks = await subscribedWebhooks(tx, e.definitionId, e.event);
  if (!webhooks.length) return;
  const body = await webhookBody(tx, e.requestId, e.event, e.at);
  await enqueue(tx, ...webhooks.map((w) => webhookNotification(e.requestId, e.eventId, { webhookId: w.id, body, event: e.event }, e.at)));
}
