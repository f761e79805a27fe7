/** What the rest of the server uses of webhooks: queueing in the event's transaction, and the outbox handler. */
export { enqueueWebhooks, webhookChannel, type WebhookEvent, type WebhookPayload } from './enqueueWebhooks.js';
export { deliverWebhook, WARN_AFTER_FAILURES, disableAfterWarning } from './deliverWebhook.js';
