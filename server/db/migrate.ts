import type { Knex } from 'knex';
import type { Db } from './createDatabase.js';
import * as initial from './migrations/001_initial.js';
import * as requestSearch from './migrations/002_request_search.js';
import * as requestMilestones from './migrations/003_request_milestones.js';
import * as messageTemplates from './migrations/004_message_templates.js';
import * as conventions from './migrations/005_conventions.js';
import * as outboxDelivery from './migrations/006_outbox_delivery.js';
import * as webhooks from './migrations/007_webhooks.js';
import * as emails from './migrations/008_emails.js';
import * as apiClients from './migrations/009_api_clients.js';
import * as rateLimits from './migrations/010_rate_limits.js';
import * as requestTransfers from './migrations/011_request_transfers.js';

/** The migrations, in order. A list in code rather than a folder scan, so they run the same under tsx and in a bundle. */
const MIGRATIONS: { name: string; up(db: Knex): Promise<void>; down(db: Knex): Promise<void> }[] = [
  { name: '001_initial', ...initial },
  { name: '002_request_search', ...requestSearch },
  { name: '003_request_milestones', ...requestMilestones },
  { name: '004_message_templates', ...messageTemplates },
  { name: '005_conventions', ...conventions },
  { name: '006_outbox_delivery', ...outboxDelivery },
  { name: '007_webhooks', ...webhooks },
  { name: '008_emails', ...emails },
  { name: '009_api_clients', ...apiClients },
  { name: '010_rate_limits', ...rateLimits },
  { name: '011_request_transfers', ...requestTransfers },
];

const source = (upTo?: string): Knex.MigrationSource<(typeof MIGRATIONS)[number]> => ({
  getMigrations: async () => (upTo === undefined ? MIGRATIONS : MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === upTo) + 1)),
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
});

/**
 * Bring the schema up to date; safe to run from several processes at once (knex takes a lock). `upTo` stops
 * after that migration: the benchmark fills a database as it was before a migration, to time it.
 */
export async function migrate(db: Db, options: { upTo?: string } = {}): Promise<void> {
  if (options.upTo !== undefined && !MIGRATIONS.some((m) => m.name === options.upTo)) throw new Error(`No migration named ${options.upTo}.`);
  await db.migrate.latest({ migrationSource: source(options.upTo) });
}
