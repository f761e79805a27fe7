import type { Knex } from 'knex';

/** Who a request was transferred from and to, beside its `transfer` event, for the timeline. */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('request_transfers', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('requests.id');
    t.integer('event_id').notNullable().references('request_events.id').unique();
    t.integer('from_user_id').notNullable().references('users.id');
    t.integer('from_organization_id').notNullable().references('organizations.id');
    t.integer('to_user_id').notNullable().references('users.id');
    t.integer('to_organization_id').notNullable().references('organizations.id');
    t.index(['request_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('request_transfers');
}
