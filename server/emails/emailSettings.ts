import { publicUrlFromEnv } from '../publicUrl.js';

/** Where and how e-mails go, from the environment. */
export interface EmailSettings {
  /** `smtp://host:port` (or `smtps://user:pass@host`): send over SMTP; absent, keep e-mails in the mailbox (/admin/emails). */
  smtpUrl?: string | undefined;
  /** The From header. */
  from: string;
  /** The platform's address, for the links in e-mails. */
  publicUrl: string;
}

export const DEFAULT_MAIL_FROM = 'DataPass <ne-pas-repondre@datapass.gouv.fr>';

/** `SMTP_URL`, `MAIL_FROM` and `PUBLIC_URL`, read when called (tests set them per suite). */
export function emailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EmailSettings {
  return {
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    publicUrl: publicUrlFromEnv(env),
  };
}

/**
 * The address links in e-mails start with, without a trailing slash: the running server's (`PUBLIC_URL`, or the
 * port it actually listens on), else what the environment says.
 */
export function publicUrlOf(ctx: { publicUrl?: string | undefined }, env: NodeJS.ProcessEnv = process.env): string {
  return ctx.publicUrl?.trim() ? ctx.publicUrl.trim().replace(/\/+$/, '') : publicUrlFromEnv(env);
}
