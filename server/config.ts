import { randomBytes } from 'node:crypto';

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
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    // A hop count ("1") or addresses and ranges ("loopback, 10.0.0.0/8"); behind no proxy, only loopback.
    trustProxy: env.TRUST_PROXY ? (/^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY) : 'loopback',
  };
}
