import { randomBytes } from 'node:crypto';
import { webhookNetworkPolicyFromEnv, type WebhookNetworkPolicy } from './webhooks/webhookNetworkPolicy.js';
import { publicUrlFromEnv } from './publicUrl.js';

/** What the server reads from its environment, with the embedded default for everything. */
export interface ServerConfig {
  port: number;
  /** PostgreSQL when set; else the SQLite file. */
  databaseUrl?: string | undefined;
  sqliteFile: string;
  production: boolean;
  sessionSecret: string;
  /** Demo sign-in page: on by default outside production. */
  demoSignIn: boolean;
  publicUrl: string;
  logLevel: string;
  /** Which proxies' X-Forwarded-For to believe (express's `trust proxy`): client IPs key the rate limits. */
  trustProxy: string | number;
  outbox: OutboxConfig;
  /** `WEBHOOK_SSRF_GUARD` (always on in production) and `WEBHOOK_ALLOWED_NETWORKS`: where webhooks may go. */
  webhookNetwork: WebhookNetworkPolicy;
  /** `DOCUMENTS_QUOTA_MB` (default 60): the megabytes all the documents of one request may take together. */
  documentsQuotaBytes: number;
}

/** The delivery of e-mails and webhooks queued in `notifications` (server/outbox/). */
export interface OutboxConfig {
  /** `OUTBOX_DISABLED=1`: this process queues but does not deliver (another process does). */
  disabled: boolean;
  /** `OUTBOX_WORKERS` (default 1): workers in this process; always 1 on SQLite. */
  workers: number;
  /** `OUTBOX_POLL_MS` (default 500): how often an idle worker looks for due rows (commits of this process wake it at once). */
  pollMs: number;
  /** `OUTBOX_CONCURRENCY` (default 16): deliveries in flight per worker. */
  concurrency: number;
  /** `OUTBOX_LEASE_MS` (default 120000): how long a claimed row waits before another worker retries it after a crash. */
  leaseMs: number;
  /** `OUTBOX_MAX_ATTEMPTS` (default 20): attempts before a notification is dead. */
  maxAttempts: number;
  /** `OUTBOX_BACKOFF_BASE_MS` (default 1000) and `OUTBOX_BACKOFF_CAP_MS` (default 3600000): retry delays, doubled each time, with jitter. */
  backoffBaseMs: number;
  backoffCapMs: number;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}".`);
  return value;
}

function outboxConfig(env: NodeJS.ProcessEnv): OutboxConfig {
  const config: OutboxConfig = {
    disabled: env.OUTBOX_DISABLED === '1' || env.OUTBOX_DISABLED === 'true',
    workers: positiveInteger(env, 'OUTBOX_WORKERS', 1, 0),
    pollMs: positiveInteger(env, 'OUTBOX_POLL_MS', 500, 10),
    concurrency: positiveInteger(env, 'OUTBOX_CONCURRENCY', 16),
    leaseMs: positiveInteger(env, 'OUTBOX_LEASE_MS', 120_000, 1000),
    maxAttempts: positiveInteger(env, 'OUTBOX_MAX_ATTEMPTS', 20),
    backoffBaseMs: positiveInteger(env, 'OUTBOX_BACKOFF_BASE_MS', 1000),
    backoffCapMs: positiveInteger(env, 'OUTBOX_BACKOFF_CAP_MS', 3_600_000),
  };
  if (config.backoffCapMs < config.backoffBaseMs) throw new Error('OUTBOX_BACKOFF_CAP_MS must not be below OUTBOX_BACKOFF_BASE_MS.');
  return config;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  if (production && !env.SESSION_SECRET) throw new Error('SESSION_SECRET is required when NODE_ENV=production (a long random string, the same on every server process).');
  if (production && env.DEMO_SIGN_IN === 'true') throw new Error('DEMO_SIGN_IN cannot be enabled when NODE_ENV=production.');
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: env.SQLITE_FILE ?? 'data/datapass.sqlite',
    production,
    // Outside production a per-start secret is enough: sessions then end when the server restarts.
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    demoSignIn: !production && env.DEMO_SIGN_IN !== 'false',
    publicUrl: publicUrlFromEnv(env),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    // A hop count ("1") or addresses and ranges ("loopback, 10.0.0.0/8"); behind no proxy, only loopback.
    trustProxy: env.TRUST_PROXY ? (/^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY) : 'loopback',
    outbox: outboxConfig(env),
    webhookNetwork: webhookNetworkPolicyFromEnv(env),
    documentsQuotaBytes: positiveInteger(env, 'DOCUMENTS_QUOTA_MB', 60) * 1024 * 1024,
  };
}
