import type { Knex } from 'knex';

/**
 * What the outbox worker (server/outbox/) needs on `notifications`: a stable `delivery_id` receivers deduplicate
 * on, the `channel` that orders deliveries (with `request_id`), a lease (`locked_by`, `locked_until`) so that a
 * worker killed mid-delivery loses its rows only until the lease expires, and the outcome (`last_error`,
 * `delivered_at`, status `delivered` or `dead`).
 */
export async function up(db: Knex): Promise<void> {
  const pg = db.client.config.client === 'pg';
  await db.schema.alterTable('notifications', (t) => {
    // NOT NULL with a default so that SQLite can add them to existing rows; the rows are filled just below.
    t.string('delivery_id', 36).notNullable().defaultTo('');
    t.string('channel', 512).notNullable().defaultTo('');
    t.string('locked_by', 255);
    t.timestamp('locked_until', { useTz: true });
    t.text('last_error');
    t.timestamp('delivered_at', { useTz: true });
  });
  const uuid = pg
    ? 'gen_random_uuid()::text'
    : // A version 4 UUID from SQLite's random bytes.
      "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
  await db.raw(`UPDATE notifications SET delivery_id = ${uuid}, channel = kind`);
  if (pg) await db.raw('ALTER TABLE notifications ALTER COLUMN delivery_id DROP DEFAULT, ALTER COLUMN channel DROP DEFAULT');
  await db.raw('CREATE UNIQUE INDEX notifications_delivery_id ON notifications (delivery_id)');
  // Claiming walks the pending rows oldest first, and checks that no earlier pending row holds the same
  // request and channel: two partial indexes that only hold what is still to deliver.
  await db.raw("CREATE INDEX notifications_pending ON notifications (id) WHERE status = 'pending'");
  await db.raw("CREATE INDEX notifications_pending_channel ON notifications (request_id, channel, id) WHERE status = 'pending'");
}

export async function down(db: Knex): Promise<void> {
  for (const index of ['notifications_pending_channel', 'notifications_pending', 'notifications_delivery_id']) await db.raw(`DROP INDEX IF EXISTS ${index}`);
  await db.schema.alterTable('notifications', (t) => {
    t.dropColumns('delivery_id', 'channel', 'locked_by', 'locked_until', 'last_error', 'delivered_at');
  });
}
