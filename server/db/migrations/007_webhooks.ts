import type { Knex } from 'knex';

/**
 * Webhooks: the URLs a definition's developers register to be called on its requests' events, and the log
 * of every call made to them (deliveries, tests, replays). The secret is kept in clear: the server signs
 * each body with it (HMAC-SHA256), so it cannot be a one-way hash; it is shown to people once.
 */
export async function up(db: Knex): Promise<void> {
  const pg = db.client.config.client === 'pg';
  const json = (t: Knex.CreateTableBuilder, name: string) => (pg ? t.jsonb(name) : t.text(name));
  const at = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

  await db.schema.createTable('webhooks', (t) => {
    t.increments('id');
    t.string('definition_id', 255).notNullable();
    t.string('url', 2000).notNullable();
    json(t, 'events').notNullable();
    t.string('secret', 64).notNullable();
    t.boolean('enabled').notNullable().defaultTo(false);
    at(t, 'tested_at');
    t.integer('consecutive_failures').notNullable().defaultTo(0);
    t.string('disabled_reason', 1000);
    t.integer('created_by').references('users.id');
    at(t, 'created_at').notNullable();
    at(t, 'updated_at').notNullable();
    t.index(['definition_id']);
  });

  await db.schema.createTable('webhook_attempts', (t) => {
    t.increments('id');
    t.integer('webhook_id').notNullable().references('webhooks.id').onDelete('CASCADE');
    // Null for a test call, which is not an outbox row.
    t.integer('notification_id').references('notifications.id').onDelete('SET NULL');
    t.string('delivery_id', 64).notNullable();
    t.string('event', 64).notNullable();
    t.integer('attempt').notNullable();
    t.integer('status_code');
    t.integer('duration_ms').notNullable();
    t.string('response_excerpt', 1000);
    t.string('error', 1000);
    at(t, 'created_at').notNullable();
    t.index(['webhook_id', 'id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('webhook_attempts');
  await db.schema.dropTableIfExists('webhooks');
}
