import type { Logger } from 'pino';
import type { Registry } from '../engine/index.js';
import type { Db } from './db/createDatabase.js';
import type { WebhookNetworkPolicy } from './webhooks/webhookNetworkPolicy.js';

/** What every service and route works with; built once by the server, injected by the tests. */
export interface AppContext {
  db: Db;
  /**
   * Where reads outside a transaction go: on SQLite, a few read-only connections beside the one writer (WAL
   * lets them read while it writes), so page loads do not queue behind commits; on PostgreSQL, the same pool.
   */
  reads: Db;
  /** The loaded definitions. */
  registry: Registry;
  /** The time, injectable so tests control it. */
  clock: { now(): Date };
  log: Logger;
  /**
   * The platform's address for the links it sends (e-mails): `PUBLIC_URL`, or `http://localhost:<the port it
   * listens on>`. Absent (tests that build their own context), `PUBLIC_URL` or `PORT` is read when needed.
   */
  publicUrl?: string;
  /** Where webhooks may go (the SSRF guard and its allow-list); absent, read from the environment when needed. */
  webhookNetwork?: WebhookNetworkPolicy;
}

/** Who is calling: a signed-in user, the roles they hold and the organisation they act for. */
export interface Caller {
  userId: number;
  roles: string[];
  organizationId?: number | undefined;
}
