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
const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** `SMTP_URL`, `MAIL_FROM` and `PUBLIC_URL`, read when called (tests set them per suite). */
export function emailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EmailSettings {
  return {
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    publicUrl: (env.PUBLIC_URL?.trim() || DEFAULT_PUBLIC_URL).replace(/\/+$/, ''),
  };
}
