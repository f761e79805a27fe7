import type { Db } from '../createDatabase.js';
import { insertedId, toIso } from '../json.js';

/** What a provider-side user may turn off, per definition: e-mails about requests, e-mails about messages. */
export const EMAIL_TOPICS = ['requests', 'messages'] as const;
export type EmailTopic = (typeof EMAIL_TOPICS)[number];

export const isEmailTopic = (value: unknown): value is EmailTopic => (EMAIL_TOPICS as readonly unknown[]).includes(value);

/** Among `userIds`, those who turned `topic` off for `definitionId`. */
export async function optedOutUsers(db: Db, userIds: readonly number[], definitionId: string, topic: EmailTopic): Promise<Set<number>> {
  if (!userIds.length) return new Set();
  const rows = await db('email_opt_outs').whereIn('user_id', userIds).andWhere({ definition_id: definitionId, topic }).select('user_id');
  return new Set(rows.map((r: { user_id: unknown }) => Number(r.user_id)));
}

/** The topics `userId` turned off, per definition. */
export async function optOutsOf(db: Db, userId: number): Promise<{ definitionId: string; topic: EmailTopic }[]> {
  const rows = await db('email_opt_outs').where({ user_id: userId }).orderBy(['definition_id', 'topic']).select('definition_id', 'topic');
  return rows.flatMap((r: { definition_id: unknown; topic: unknown }) => (isEmailTopic(r.topic) ? [{ definitionId: String(r.definition_id), topic: r.topic }] : []));
}

/** Turn `topic` on or off for `userId` on `definitionId`; idempotent. */
export async function setEmailPreference(db: Db, userId: number, definitionId: string, topic: EmailTopic, enabled: boolean, now: Date): Promise<void> {
  if (enabled) {
    await db('email_opt_outs').where({ user_id: userId, definition_id: definitionId, topic }).del();
    return;
  }
  await db('email_opt_outs').insert({ user_id: userId, definition_id: definitionId, topic, created_at: now.toISOString() }).onConflict(['user_id', 'definition_id', 'topic']).ignore();
}

export interface MailboxEmail {
  id: number;
  deliveryId: string;
  requestId?: number;
  template: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  createdAt: string;
}

const mapEmail = (r: Record<string, unknown>): MailboxEmail => ({
  id: Number(r.id),
  deliveryId: String(r.delivery_id),
  ...(r.request_id !== null && r.request_id !== undefined ? { requestId: Number(r.request_id) } : {}),
  template: String(r.template),
  from: String(r.from_address),
  to: String(r.to_address),
  subject: String(r.subject),
  text: String(r.text ?? ''),
  ...(r.html ? { html: String(r.html) } : {}),
  createdAt: toIso(r.created_at),
});

/**
 * Keep an e-mail in the mailbox (no SMTP server configured). False when this delivery was already kept: the
 * outbox may deliver a notification twice after a crash, and the mailbox shows it once.
 */
export async function storeInMailbox(db: Db, e: Omit<MailboxEmail, 'id'>): Promise<boolean> {
  const rows = await db('mailbox_emails')
    .insert({
      delivery_id: e.deliveryId,
      request_id: e.requestId ?? null,
      template: e.template,
      from_address: e.from,
      to_address: e.to,
      subject: e.subject,
      text: e.text,
      html: e.html ?? null,
      created_at: e.createdAt,
    })
    .onConflict('delivery_id')
    .ignore()
    .returning('id');
  return rows.length > 0 && Number.isFinite(insertedId(rows[0]));
}

/** The mailbox, newest first, one page of it, with how many e-mails it holds in all. */
export async function listMailbox(db: Db, page: { limit: number; offset: number }): Promise<{ emails: Omit<MailboxEmail, 'text' | 'html'>[]; total: number }> {
  const [rows, count] = await Promise.all([
    db('mailbox_emails').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(page.limit).offset(page.offset).select('id', 'delivery_id', 'request_id', 'template', 'from_address', 'to_address', 'subject', 'created_at'),
    db('mailbox_emails').count({ n: '*' }).first(),
  ]);
  return { emails: rows.map((r: Record<string, unknown>) => mapEmail({ ...r, text: '' })).map(({ text: _t, html: _h, ...e }) => e), total: Number(count?.n ?? 0) };
}

export async function findMailboxEmail(db: Db, id: number): Promise<MailboxEmail | undefined> {
  const row = await db('mailbox_emails').where({ id }).first();
  return row ? mapEmail(row) : undefined;
}
