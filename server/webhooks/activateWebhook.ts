import type { AppContext } from '../AppContext.js';
import { releaseHeld } from '../db/repositories/outbox.js';
import { lockWebhook, updateWebhook, type Webhook } from '../db/repositories/webhooks.js';
import { webhookChannel } from './enqueueWebhooks.js';

/**
 * « Activer » (after a successful test): the webhook is enabled and the calls held while it was off are put back,
 * in the order they were queued, in one transaction under the webhook's lock, so that no delivery can hold a row
 * after this release. The number of calls released.
 */
export async function activateWebhook(ctx: AppContext, webhook: Webhook): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await lockWebhook(tx, webhook.id);
    const now = ctx.clock.now();
    await updateWebhook(tx, webhook.id, { enabled: true, consecutiveFailures: 0, disabledReason: null }, now.toISOString());
    return releaseHeld(tx, webhookChannel(webhook.id), now);
  });
}
