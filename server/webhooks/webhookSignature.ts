import { createHmac, randomBytes } from 'node:crypto';

/** `X-Hub-Signature-256`'s value: `sha256=` and the hex HMAC-SHA256 of the raw body under the webhook's secret. */
export const webhookSignature = (secret: string, body: string | Buffer): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A new secret: 32 random bytes, in hex. */
export const newWebhookSecret = (): string => randomBytes(32).toString('hex');
