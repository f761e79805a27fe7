import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../AppContext.js';
import { storeInMailbox } from '../db/repositories/emails.js';
import type { ClaimedNotification, DeliveryHandler, DeliveryOutcome } from '../outbox/Delivery.js';
import { sharedEmailTemplates } from './sharedEmailTemplates.js';
import { EmailTemplateError, type EmailTemplates, type RenderedEmail } from './emailTemplates.js';
import { emailSettingsFromEnv, type EmailSettings } from './emailSettings.js';

export interface EmailDeliveryOptions {
  templates?: EmailTemplates;
  /** Read on every delivery (default: the environment), so a test or a restart-free change of SMTP_URL is seen. */
  settings?: () => EmailSettings;
}

const transports = new Map<string, Transporter>();
const transportFor = (smtpUrl: string): Transporter => {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // A stuck server must fail the attempt (and let the worker retry later), not hold it for the default minutes.
    transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    transports.set(smtpUrl, transport);
  }
  return transport;
};

/** The domain of an address `Name <user@domain>`, for Message-IDs. */
const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'datapass.gouv.fr';

/**
 * The Message-ID of a notification: the same on every attempt, so a receiver (or someone reading headers) can
 * tell a second delivery of the same e-mail after a crash from a new e-mail.
 */
export const messageIdOf = (deliveryId: string, from: string) => `<${deliveryId.replace(/[^A-Za-z0-9._-]/g, '-')}@${domainOf(from)}>`;

/**
 * The outbox's handler for `email` rows: render the template with the locals captured at the event, then send it
 * over SMTP when `SMTP_URL` is set, else keep it in the mailbox admins read at /admin/emails. A template that
 * is missing or names a local the payload lacks fails for good (a retry would fail the same way); an SMTP
 * failure is retried.
 */
export function createEmailDelivery(options: EmailDeliveryOptions = {}): DeliveryHandler {
  return async (ctx: AppContext, n: ClaimedNotification): Promise<DeliveryOutcome> => {
    const settings = (options.settings ?? emailSettingsFromEnv)();
    const payload = n.payload as { to?: unknown; template?: unknown; definitionId?: unknown; locals?: unknown };
    if (typeof payload.to !== 'string' || !payload.to.includes('@') || typeof payload.template !== 'string' || !payload.locals || typeof payload.locals !== 'object') {
      ctx.log.error({ notificationId: n.id, deliveryId: n.deliveryId }, 'e-mail notification without to, template or locals: not sent');
      return { ok: false, error: 'Invalid e-mail payload: { to, template, definitionId, locals } expected.', retryable: false };
    }
    const definition = typeof payload.definitionId === 'string' ? ctx.registry.definitions.get(payload.definitionId) : undefined;
    let email: RenderedEmail;
    try {
      email = (options.templates ?? sharedEmailTemplates()).render(payload.template, payload.locals as Record<string, unknown>, definition?.folder);
    } catch (error) {
      if (!(error instanceof EmailTemplateError)) throw error;
      ctx.log.error({ notificationId: n.id, deliveryId: n.deliveryId, template: payload.template, err: error }, 'e-mail template failed: not sent');
      return { ok: false, error: error.message, retryable: false };
    }
    const messageId = messageIdOf(n.deliveryId, settings.from);
    if (!settings.smtpUrl) {
      await storeInMailbox(ctx.db, { deliveryId: n.deliveryId, requestId: n.requestId, template: payload.template, from: settings.from, to: payload.to, ...email, createdAt: ctx.clock.now().toISOString() });
      return { ok: true };
    }
    try {
      await transportFor(settings.smtpUrl).sendMail({
        from: settings.from,
        to: payload.to,
        subject: email.subject,
        text: email.text,
        ...(email.html !== undefined ? { html: email.html } : {}),
        messageId,
        headers: { 'X-DataPass-Delivery-Id': n.deliveryId, 'Auto-Submitted': 'auto-generated' },
      });
      return { ok: true };
    } catch (error) {
      ctx.log.warn({ notificationId: n.id, deliveryId: n.deliveryId, err: error }, 'e-mail not accepted by the SMTP server: will retry');
      return { ok: false, error: `SMTP: ${(error as Error).message}`, retryable: true };
    }
  };
}

/** The outbox worker's handler for `email` rows, with the shared templates and the environment's settings. */
export const deliverEmail: DeliveryHandler = createEmailDelivery();

/** Close the SMTP connections this process opened (at shutdown, and after tests). */
export function closeEmailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
