import type { AppContext } from '../AppContext.js';
import { enqueue } from '../db/repositories/outbox.js';
import { deliveredNotification, type Webhook, type WebhookAttempt } from '../db/repositories/webhooks.js';
import { webhookNotification } from './enqueueWebhooks.js';

/**
 * « Rejouer »: queue the body an attempt carried again, as a new outbox row (a new delivery id: receivers
 * that deduplicate would otherwise drop it). False when the attempt has nothing to replay (a test call).
 */
export async function replayAttempt(ctx: AppContext, webhook: Webhook, attempt: WebhookAttempt): Promise<boolean> {
  if (attempt.notificationId === undefined) return false;
  return ctx.db.transaction(async (tx) => {
    const delivered = await deliveredNotification(tx, attempt.notificationId!);
    const body = delivered?.payload.body;
    if (!delivered || typeof body !== 'string') return false;
    const at = ctx.clock.now().toISOString();
    await enqueue(tx, webhookNotification(delivered.requestId, delivered.eventId, { webhookId: webhook.id, body, event: attempt.event }, at));
    return true;
  });
}
