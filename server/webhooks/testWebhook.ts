import { randomUUID } from 'node:crypto';
import type { AppContext } from '../AppContext.js';
import { insertAttempt, updateWebhook, type Webhook } from '../db/repositories/webhooks.js';
import { callWebhook, type CallResult } from './callWebhook.js';
import { testBody } from './webhookBody.js';
import { networkPolicyOf } from './webhookNetworkPolicy.js';

/**
 * « Tester »: a signed `{"test": true, …}` call, made now (the developer waits for the answer), logged with the
 * deliveries; a success records `tested_at`, which enabling the webhook needs.
 */
export async function testWebhook(ctx: AppContext, webhook: Webhook): Promise<CallResult> {
  const at = ctx.clock.now().toISOString();
  const deliveryId = `test-${randomUUID()}`;
  const result = await callWebhook({ url: webhook.url, secret: webhook.secret, body: testBody(webhook.definitionId, at), deliveryId, event: 'test', policy: networkPolicyOf(ctx) });
  const done = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await insertAttempt(tx, {
      webhookId: webhook.id,
      deliveryId,
      event: 'test',
      attempt: 1,
      ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
      durationMs: result.durationMs,
      ...(result.responseExcerpt !== undefined ? { responseExcerpt: result.responseExcerpt } : {}),
      ...(result.error !== undefined ? { error: result.error } : {}),
      createdAt: done,
    });
    if (result.ok) await updateWebhook(tx, webhook.id, { testedAt: done }, done);
  });
  ctx.log.info({ webhookId: webhook.id, ok: result.ok, status: result.statusCode, error: result.error }, 'webhook tested');
  return result;
}
