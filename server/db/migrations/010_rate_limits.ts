import type { Knex } from 'knex';

/**
 * The rate limiters' counters, kept in the database so that every server process counts the same hits: one row
 * per limiter and client, counting the hits of the current window. `reset_at` is in epoch milliseconds, the
 * same integer on SQLite and PostgreSQL, so the one UPSERT that counts compares numbers on both.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('rate_limits', (t) => {
    t.string('limiter_key', 255).primary();
    t.integer('hits').notNullable();
    t.bigInteger('reset_at').notNullable().index();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('rate_limits');
}
