import type { Knex } from 'knex';

/**
 * The conventions frozen at approval: one per authorization, its HTML and PDF exactly as rendered then, and
 * their SHA-256, by which anyone can ask whether a document is genuine (`/conventions/verify/{sha256}`).
 * Rows are written once and never updated.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('conventions', (t) => {
    t.increments('id');
    t.integer('authorization_id').notNullable().unique().references('authorizations.id');
    t.integer('request_id').notNullable().references('requests.id');
    t.string('definition_id', 255).notNullable();
    t.text('html').notNullable();
    t.binary('pdf').notNullable();
    t.string('html_sha256', 64).notNullable().unique();
    t.string('pdf_sha256', 64).notNullable().unique();
    // Which template produced it (the definition's own, or the generic one) and that template's SHA-256.
    t.string('template', 255).notNullable();
    t.string('template_sha256', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['request_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('conventions');
}
