import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { enqueue, type Notification } from '../db/repositories/outbox.js';
import { countFailure, developerEmails, findWebhook, insertAttempt, storeExternalProviderId, updateWebhook, type Webhook } from '../db/repositories/webhooks.js';
import type { ClaimedNotification, DeliveryHandler, DeliveryOutcome } from '../outbox/Delivery.js';
import { callWebhook, EXCERPT_LENGTH, type CallResult } from './callWebhook.js';

/** Failures in a row after which the definition's developers are warned by e-mail. */
export const WARN_AFTER_FAILURES = 5;

/** Further failures in a row, after the warning, before the webhook is disabled (`WEBHOOK_DISABLE_AFTER`, default 10). */
export function disableAfterWarning(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.WEBHOOK_DISABLE_AFTER ?? 10);
  return Number.isInteger(value) && value >= 0 ? value : 10;
}

/**
 * The outbox worker's handler for `webhook` rows: one signed POST of the stored body, logged in
 * `webhook_attempts`. A success resets the failure count and stores a `token_id` answer as the request's
 * `external_provider_id`; a failure counts, warns the developers at the 5th in a row and disables the
 * webhook `WEBHOOK_DISABLE_AFTER` failures later.
 */
export const deliverWebhook: DeliveryHandler = async (ctx, notification) => {
  const payload = notification.payload;
  const webhookId = Number(payload.webhookId);
  const body = payload.body;
  if (!Number.isInteger(webhookId) || typeof body !== 'string') return { ok: false, error: 'Notification de webhook mal formée (webhookId, body).', retryable: false };
  const webhook = await findWebhook(ctx.db, webhookId);
  if (!webhook) return { ok: false, error: `Le webhook ${webhookId} a été supprimé.`, retryable: false };
  if (!webhook.enabled) return { ok: false, error: `Le webhook ${webhookId} est désactivé.`, retryable: false };
  const event = typeof payload.event === 'string' ? payload.event : eventOf(body);
  const result = await callWebhook({ url: webhook.url, secret: webhook.secret, body, deliveryId: notification.deliveryId, event });
  const outcome = await ctx.db.transaction((tx) => recordOutcome(tx, ctx, webhook, notification, event, result));
  ctx.log[result.ok ? 'info' : 'warn']({ webhookId, notificationId: notification.id, status: result.statusCode, durationMs: result.durationMs, error: result.error }, result.ok ? 'webhook delivered' : 'webhook delivery failed');
  return outcome;
};

async function recordOutcome(tx: Db, ctx: AppContext, webhook: Webhook, notification: ClaimedNotification, event: string, result: CallResult): Promise<DeliveryOutcome> {
  const at = ctx.clock.now().toISOString();
  await insertAttempt(tx, {
    webhookId: webhook.id,
    notificationId: notification.id,
    deliveryId: notification.deliveryId,
    event,
    attempt: notification.attempts + 1,
    ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
    durationMs: result.durationMs,
    ...(result.responseExcerpt !== undefined ? { responseExcerpt: result.responseExcerpt } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    createdAt: at,
  });
  if (result.ok) {
    if (webhook.consecutiveFailures !== 0) await updateWebhook(tx, webhook.id, { consecutiveFailures: 0 }, at);
    if (result.tokenId !== undefined) await storeExternalProviderId(tx, notification.requestId, result.tokenId);
    return { ok: true };
  }
  const error = result.error ?? 'Échec';
  const failures = await countFailure(tx, webhook.id, at);
  const definition = ctx.registry.definitions.get(webhook.definitionId);
  if (failures === WARN_AFTER_FAILURES && definition) {
    const recipients = await developerEmails(tx, definition.meta.provider, definition.id);
    const emails: Notification[] = recipients.map((to) => ({
      kind: 'email',
      requestId: notification.requestId,
      eventId: notification.eventId,
      payload: { to, template: 'webhook_failing', definitionId: definition.id, locals: { url: webhook.url, failures, lastError: error, definitionName: definition.meta.name } },
      at,
    }));
    await enqueue(tx, ...emails);
    if (!recipients.length) ctx.log.warn({ webhookId: webhook.id, definitionId: webhook.definitionId }, 'webhook failing and the definition has no developer to warn');
  }
  if (failures >= WARN_AFTER_FAILURES + disableAfterWarning()) {
    const reason = `Désactivé automatiquement le ${at.slice(0, 10)} après ${failures} échecs consécutifs. Dernière erreur : ${error}`.slice(0, EXCERPT_LENGTH);
    // A new successful test is needed before it is enabled again.
    await updateWebhook(tx, webhook.id, { enabled: false, disabledReason: reason, testedAt: null }, at);
    ctx.log.warn({ webhookId: webhook.id, definitionId: webhook.definitionId, failures }, 'webhook disabled after repeated failures');
    return { ok: false, error, retryable: false };
  }
  return { ok: false, error, retryable: result.retryable };
}

function eventOf(body: string): string {
  try {
    const event = (JSON.parse(body) as { event?: unknown }).event;
    return typeof event === 'string' ? event : 'inconnu';
  } catch {
    return 'inconnu';
  }
}
