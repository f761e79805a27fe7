import type { AppContext } from '../AppContext.js';
import { abandonChannel } from '../db/repositories/outbox.js';
import { deleteWebhook, lockWebhook, type Webhook } from '../db/repositories/webhooks.js';
import { webhookChannel } from './enqueueWebhooks.js';

/**
 * « Supprimer »: the webhook, its calls log, and what still waited for it (marked `dead` with why, so that no
 * row waits for ever on a channel nobody can enable again). The number of calls abandoned.
 */
export async function removeWebhook(ctx: AppContext, webhook: Webhook): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await lockWebhook(tx, webhook.id);
    const abandoned = await abandonChannel(tx, webhookChannel(webhook.id), `Le webhook ${webhook.id} (${webhook.url}) a été supprimé.`);
    await deleteWebhook(tx, webhook.id);
    return abandoned;
  });
}
