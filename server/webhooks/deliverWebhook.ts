import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { enqueue, holdNotification, type Notification } from '../db/repositories/outbox.js';
import { countFailure, developerEmails, findWebhook, insertAttempt, lockWebhook, storeExternalProviderId, updateWebhook, type Webhook } from '../db/repositories/webhooks.js';
import { publicUrlOf } from '../emails/emailSettings.js';
import type { ClaimedNotification, DeliveryHandler, DeliveryOutcome } from '../outbox/Delivery.js';
import { callWebhook, type CallResult } from './callWebhook.js';
import { EXCERPT_LENGTH } from './plainExcerpt.js';
import { networkPolicyOf } from './webhookNetworkPolicy.js';

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
 * `external_provider_id`. Every failure is retried; it counts, warns the developers at the 5th in a row, and
 * `WEBHOOK_DISABLE_AFTER` failures later (or at the outbox's last attempt for one row) disables the webhook and
 * tells them. A disabled webhook's rows are held, never dead, until it is enabled again.
 */
export const deliverWebhook: DeliveryHandler = async (ctx, notification) => {
  const payload = notification.payload;
  const webhookId = Number(payload.webhookId);
  const body = payload.body;
  if (!Number.isInteger(webhookId) || typeof body !== 'string') return { ok: false, error: 'Notification de webhook mal formée (webhookId, body).', retryable: false };
  let webhook = await findWebhook(ctx.db, webhookId);
  if (!webhook) return { ok: false, error: `Le webhook ${webhookId} a été supprimé.`, retryable: false };
  if (!webhook.enabled) {
    const held = await holdWhileDisabled(ctx, webhookId, notification.id);
    if (held) return held;
    // Enabled again in the meantime: deliver it now.
    webhook = (await findWebhook(ctx.db, webhookId))!;
  }
  const event = typeof payload.event === 'string' ? payload.event : eventOf(body);
  const result = await callWebhook({ url: webhook.url, secret: webhook.secret, body, deliveryId: notification.deliveryId, event, policy: networkPolicyOf(ctx) });
  const outcome = await ctx.db.transaction((tx) => recordOutcome(tx, ctx, webhook, notification, event, result));
  ctx.log[result.ok ? 'info' : 'warn']({ webhookId, notificationId: notification.id, status: result.statusCode, durationMs: result.durationMs, error: result.error }, result.ok ? 'webhook delivered' : 'webhook delivery failed');
  return outcome;
};

/** Hold the row if its webhook is (still) disabled, under the webhook's lock; undefined when it is enabled again. */
async function holdWhileDisabled(ctx: AppContext, webhookId: number, notificationId: number): Promise<DeliveryOutcome | undefined> {
  return ctx.db.transaction(async (tx) => {
    const webhook = await lockWebhook(tx, webhookId);
    if (!webhook) return { ok: false, error: `Le webhook ${webhookId} a été supprimé.`, retryable: false };
    if (webhook.enabled) return undefined;
    const error = `Le webhook ${webhookId} est désactivé : l’appel attend sa réactivation.`;
    await holdNotification(tx, notificationId, error);
    return { ok: false, held: true, retryable: false, error };
  });
}

async function recordOutcome(tx: Db, ctx: AppContext, webhook: Webhook, notification: ClaimedNotification, event: string, result: CallResult): Promise<DeliveryOutcome> {
  const at = ctx.clock.now().toISOString();
  const attempt = notification.attempts + 1;
  await insertAttempt(tx, {
    webhookId: webhook.id,
    notificationId: notification.id,
    deliveryId: notification.deliveryId,
    event,
    attempt,
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
  // Read after the count's update, which locks the row on PostgreSQL: an activation waits for this transaction.
  const current = await lockWebhook(tx, webhook.id);
  if (!current) return { ok: false, error: `${error} ; le webhook ${webhook.id} a été supprimé.`, retryable: false };
  const definition = ctx.registry.definitions.get(webhook.definitionId);
  if (failures === WARN_AFTER_FAILURES && definition) {
    await emailDevelopers(tx, ctx, current, notification, 'webhook_failing', { url: current.url, failures, lastError: error, definitionName: definition.meta.name }, at);
  }
  const lastAttempt = notification.maxAttempts !== undefined && attempt >= notification.maxAttempts;
  if (current.enabled && (failures >= WARN_AFTER_FAILURES + disableAfterWarning() || lastAttempt)) {
    const why = lastAttempt && failures < WARN_AFTER_FAILURES + disableAfterWarning() ? `un même appel a échoué ${attempt} fois` : `${failures} échecs consécutifs`;
    const reason = `Désactivé automatiquement le ${at.slice(0, 10)} : ${why}. Dernière erreur : ${error}`.slice(0, EXCERPT_LENGTH);
    // A new successful test is needed before it is enabled again.
    await updateWebhook(tx, current.id, { enabled: false, disabledReason: reason, testedAt: null }, at);
    if (definition) {
      const link = `${publicUrlOf(ctx)}/webhooks/${encodeURIComponent(definition.id)}`;
      await emailDevelopers(tx, ctx, current, notification, 'webhook_disabled', { url: current.url, reason, definitionName: definition.meta.name, link }, at);
    }
    ctx.log.warn({ webhookId: current.id, definitionId: current.definitionId, failures, attempt }, 'webhook disabled after repeated failures: its deliveries are held');
  } else if (current.enabled) {
    return { ok: false, error, retryable: true };
  }
  // Disabled, by this failure or meanwhile: the row waits for the webhook to be enabled again.
  await holdNotification(tx, notification.id, error);
  return { ok: false, held: true, retryable: false, error };
}

/** Queue one e-mail to each developer of the webhook's definition, in the delivery's transaction. */
async function emailDevelopers(tx: Db, ctx: AppContext, webhook: Webhook, notification: ClaimedNotification, template: string, locals: Record<string, unknown>, at: string): Promise<void> {
  const definition = ctx.registry.definitions.get(webhook.definitionId)!;
  const recipients = await developerEmails(tx, definition.meta.provider, definition.id);
  const emails: Notification[] = recipients.map((to) => ({ kind: 'email', requestId: notification.requestId, eventId: notification.eventId, payload: { to, template, definitionId: definition.id, locals }, at }));
  await enqueue(tx, ...emails);
  if (!recipients.length) ctx.log.warn({ webhookId: webhook.id, definitionId: webhook.definitionId, template }, 'webhook: the definition has no developer to e-mail');
}

function eventOf(body: string): string {
  try {
    const event = (JSON.parse(body) as { event?: unknown }).event;
    return typeof event === 'string' ? event : 'inconnu';
  } catch {
    return 'inconnu';
  }
}
