import type { Knex } from 'knex';
import type { Db } from './createDatabase.js';
import * as initial from './migrations/001_initial.js';

/** The migrations, in order. A list in code rather than a folder scan, so they run the same under tsx and in a bundle. */
const MIGRATIONS: { name: string; up(db: Knex): Promise<void>; down(db: Knex): Promise<void> }[] = [{ name: '001_initial', ...initial }];

const source: Knex.MigrationSource<(typeof MIGRATIONS)[number]> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
};

/** Bring the schema up to date; safe to run from several processes at once (knex takes a lock). */
export async function migrate(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource: source });
}
