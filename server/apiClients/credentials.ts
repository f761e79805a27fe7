import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an access token lives. */
export const ACCESS_TOKEN_SECONDS = 3600;

/** A client's public identifier. */
export const newClientId = (): string => `dpc_${randomBytes(12).toString('hex')}`;

/** A client secret: 256 random bits, shown once. */
export const newClientSecret = (): string => `dps_${randomBytes(32).toString('base64url')}`;

/** An opaque access token: 256 random bits. */
export const newAccessToken = (): string => `dpt_${randomBytes(32).toString('base64url')}`;

/**
 * The stored form of a secret or a token. SHA-256 rather than scrypt: these are 256 random bits, not chosen by
 * people, so there is nothing to guess and a slow hash would only slow every token request down.
 */
export const hashSecret = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Whether `value` hashes to `hash`, in constant time. */
export function matchesHash(value: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(value), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
