import type { Knex } from 'knex';

/** The message templates managers write for their definitions' decisions (refusal, changes asked, approval). */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('message_templates', (t) => {
    t.increments('id');
    t.string('definition_id', 255).notNullable();
    t.string('event', 64).notNullable();
    t.string('title', 255).notNullable();
    t.text('body').notNullable();
    t.integer('updated_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['definition_id', 'event']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('message_templates');
}
