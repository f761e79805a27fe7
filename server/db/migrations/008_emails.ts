import type { Knex } from 'knex';

/**
 * E-mails: the topics a provider-side user has turned off per definition (a row means « off »: everyone gets
 * everything until they say otherwise), and the mailbox where the embedded default keeps what it would have sent
 * when no SMTP server is configured (read by admins at /admin/emails).
 */
export async function up(db: Knex): Promise<void> {
  const at = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

  await db.schema.createTable('email_opt_outs', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('definition_id', 255).notNullable();
    t.string('topic', 32).notNullable();
    at(t, 'created_at').notNullable();
    t.primary(['user_id', 'definition_id', 'topic']);
  });

  await db.schema.createTable('mailbox_emails', (t) => {
    t.increments('id');
    // The notification's deliveryId: a second delivery of the same notification is recognised and kept once.
    t.string('delivery_id', 255).notNullable().unique();
    t.integer('request_id');
    t.string('template', 64).notNullable();
    t.string('from_address', 500).notNullable();
    t.string('to_address', 320).notNullable();
    t.string('subject', 1000).notNullable();
    t.text('text').notNullable();
    t.text('html');
    at(t, 'created_at').notNullable();
    t.index(['created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('mailbox_emails');
  await db.schema.dropTableIfExists('email_opt_outs');
}
