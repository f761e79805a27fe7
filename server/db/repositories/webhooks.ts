import { isPostgres, type Db } from '../createDatabase.js';
import { fromJson, insertedId, toBool, toIso, toJson } from '../json.js';

export interface Webhook {
  id: number;
  definitionId: string;
  url: string;
  /** The workflow events it is called on. */
  events: string[];
  /** Signs every body (HMAC-SHA256); shown to people once, when generated. */
  secret: string;
  enabled: boolean;
  /** The last test call that succeeded; enabling needs one. */
  testedAt?: string;
  consecutiveFailures: number;
  /** Why the platform disabled it (after repeated failures). */
  disabledReason?: string;
  createdBy?: number;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookAttempt {
  id: number;
  webhookId: number;
  /** The outbox row delivered; absent for a test call. */
  notificationId?: number;
  deliveryId: string;
  event: string;
  attempt: number;
  statusCode?: number;
  durationMs: number;
  responseExcerpt?: string;
  error?: string;
  createdAt: string;
}

const mapWebhook = (row: Record<string, unknown>): Webhook => ({
  id: Number(row.id),
  definitionId: String(row.definition_id),
  url: String(row.url),
  events: fromJson<string[]>(row.events) ?? [],
  secret: String(row.secret),
  enabled: toBool(row.enabled),
  ...(row.tested_at ? { testedAt: toIso(row.tested_at) } : {}),
  consecutiveFailures: Number(row.consecutive_failures),
  ...(row.disabled_reason ? { disabledReason: String(row.disabled_reason) } : {}),
  ...(row.created_by ? { createdBy: Number(row.created_by) } : {}),
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

const mapAttempt = (row: Record<string, unknown>): WebhookAttempt => ({
  id: Number(row.id),
  webhookId: Number(row.webhook_id),
  ...(row.notification_id ? { notificationId: Number(row.notification_id) } : {}),
  deliveryId: String(row.delivery_id),
  event: String(row.event),
  attempt: Number(row.attempt),
  ...(row.status_code !== null && row.status_code !== undefined ? { statusCode: Number(row.status_code) } : {}),
  durationMs: Number(row.duration_ms),
  ...(row.response_excerpt ? { responseExcerpt: String(row.response_excerpt) } : {}),
  ...(row.error ? { error: String(row.error) } : {}),
  createdAt: toIso(row.created_at),
});

export async function insertWebhook(db: Db, w: { definitionId: string; url: string; events: string[]; secret: string; createdBy: number; at: string }): Promise<number> {
  const [row] = await db('webhooks')
    .insert({ definition_id: w.definitionId, url: w.url, events: toJson(w.events), secret: w.secret, enabled: false, consecutive_failures: 0, created_by: w.createdBy, created_at: w.at, updated_at: w.at })
    .returning('id');
  return insertedId(row);
}

export async function findWebhook(db: Db, id: number): Promise<Webhook | undefined> {
  const row = await db('webhooks').where({ id }).first();
  return row ? mapWebhook(row) : undefined;
}

/**
 * A webhook read and locked until the transaction ends (PostgreSQL's `FOR UPDATE`; SQLite's single writer
 * already runs one transaction at a time): holding its rows and enabling it again cannot interleave, so no row is
 * held just after the release that should have freed it.
 */
export async function lockWebhook(tx: Db, id: number): Promise<Webhook | undefined> {
  const query = tx('webhooks').where({ id }).first();
  const row = await (isPostgres(tx) ? query.forUpdate() : query);
  return row ? mapWebhook(row) : undefined;
}

/** A definition's webhooks, oldest first. */
export async function webhooksOf(db: Db, definitionId: string): Promise<Webhook[]> {
  return (await db('webhooks').where({ definition_id: definitionId }).orderBy('id')).map(mapWebhook);
}

/**
 * The webhooks of a definition subscribed to `event`, enabled or not: a disabled one's rows are held until it is
 * enabled again (a definition has a handful: filtered here).
 */
export async function subscribedWebhooks(db: Db, definitionId: string, event: string): Promise<Webhook[]> {
  const rows = await db('webhooks').where({ definition_id: definitionId }).orderBy('id');
  return rows.map(mapWebhook).filter((w) => w.events.includes(event));
}

export type WebhookChange = Partial<{ url: string; events: string[]; secret: string; enabled: boolean; testedAt: string | null; consecutiveFailures: number; disabledReason: string | null }>;

export async function updateWebhook(db: Db, id: number, change: WebhookChange, at: string): Promise<void> {
  const row: Record<string, unknown> = { updated_at: at };
  if (change.url !== undefined) row.url = change.url;
  if (change.events !== undefined) row.events = toJson(change.events);
  if (change.secret !== undefined) row.secret = change.secret;
  if (change.enabled !== undefined) row.enabled = change.enabled;
  if (change.testedAt !== undefined) row.tested_at = change.testedAt;
  if (change.consecutiveFailures !== undefined) row.consecutive_failures = change.consecutiveFailures;
  if (change.disabledReason !== undefined) row.disabled_reason = change.disabledReason;
  await db('webhooks').where({ id }).update(row);
}

/** One more failure in a row, counted in the database (two workers failing at once both count); the new count. */
export async function countFailure(db: Db, id: number, at: string): Promise<number> {
  await db('webhooks').where({ id }).update({ consecutive_failures: db.raw('consecutive_failures + 1'), updated_at: at });
  const row = await db('webhooks').where({ id }).first('consecutive_failures');
  return Number(row?.consecutive_failures ?? 0);
}

export async function deleteWebhook(db: Db, id: number): Promise<void> {
  await db('webhook_attempts').where({ webhook_id: id }).del();
  await db('webhooks').where({ id }).del();
}

export async function insertAttempt(db: Db, a: Omit<WebhookAttempt, 'id'>): Promise<number> {
  const [row] = await db('webhook_attempts')
    .insert({
      webhook_id: a.webhookId,
      notification_id: a.notificationId ?? null,
      delivery_id: a.deliveryId,
      event: a.event,
      attempt: a.attempt,
      status_code: a.statusCode ?? null,
      duration_ms: a.durationMs,
      response_excerpt: a.responseExcerpt ?? null,
      error: a.error ?? null,
      created_at: a.createdAt,
    })
    .returning('id');
  return insertedId(row);
}

/** The latest attempts of some webhooks, newest first. */
export async function recentAttempts(db: Db, webhookIds: readonly number[], limit = 50): Promise<WebhookAttempt[]> {
  if (!webhookIds.length) return [];
  return (await db('webhook_attempts').whereIn('webhook_id', webhookIds).orderBy('id', 'desc').limit(limit)).map(mapAttempt);
}

export async function findAttempt(db: Db, id: number): Promise<WebhookAttempt | undefined> {
  const row = await db('webhook_attempts').where({ id }).first();
  return row ? mapAttempt(row) : undefined;
}

/** The outbox row an attempt delivered, to queue it again (a replay): its request, event and payload. */
export async function deliveredNotification(db: Db, notificationId: number): Promise<{ requestId: number; eventId?: number; payload: Record<string, unknown> } | undefined> {
  const row = await db('notifications').where({ id: notificationId, kind: 'webhook' }).first('request_id', 'event_id', 'payload');
  if (!row) return undefined;
  return { requestId: Number(row.request_id), ...(row.event_id ? { eventId: Number(row.event_id) } : {}), payload: fromJson<Record<string, unknown>>(row.payload) };
}

/** The e-mail addresses of a definition's developers: `<provider>:<definition>:developer` or `<provider>:*:developer`. */
export async function developerEmails(db: Db, provider: string, definitionId: string): Promise<string[]> {
  const rows = await db('user_roles')
    .join('users', 'users.id', 'user_roles.user_id')
    .whereIn('user_roles.role', [`${provider}:${definitionId}:developer`, `${provider}:*:developer`])
    .distinct('users.email')
    .orderBy('users.email');
  return rows.map((r: Record<string, unknown>) => String(r.email));
}

/**
 * The provider's id for a request (a webhook response's `token_id`), which the definition's `access_link`
 * interpolates. Not a change of the request's data: its version and search document stay as they are.
 */
export async function storeExternalProviderId(db: Db, requestId: number, externalProviderId: string): Promise<void> {
  await db('requests').where({ id: requestId }).update({ external_provider_id: externalProviderId });
}

/** How many webhooks each definition has, and how many are enabled. */
export async function webhookCounts(db: Db, definitionIds: readonly string[]): Promise<Map<string, { webhooks: number; enabled: number }>> {
  const counts = new Map<string, { webhooks: number; enabled: number }>();
  if (!definitionIds.length) return counts;
  const rows = await db('webhooks').whereIn('definition_id', definitionIds).select('definition_id', 'enabled');
  for (const row of rows) {
    const c = counts.get(String(row.definition_id)) ?? { webhooks: 0, enabled: 0 };
    c.webhooks += 1;
    if (toBool(row.enabled)) c.enabled += 1;
    counts.set(String(row.definition_id), c);
  }
  return counts;
}
