import { deliverEmail } from '../emails/deliverEmail.js';
import { deliverWebhook } from '../webhooks/deliverWebhook.js';
import type { DeliveryHandlers } from './outboxWorker.js';

/**
 * The handler of each notification kind that server/main.ts gives its outbox workers. A kind missing here is
 * not delivered by this process: its rows stay pending (logged once at start), nothing is lost.
 */
export function deliveryHandlers(): DeliveryHandlers {
  return { webhook: deliverWebhook, email: deliverEmail };
}
