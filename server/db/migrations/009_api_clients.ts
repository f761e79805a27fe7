import type { Knex } from 'knex';

/**
 * The provider API's OAuth2 clients (client credentials) and their access tokens. Neither secret nor token is
 * stored: only their SHA-256, enough for values of 256 random bits (nothing to brute-force, unlike a password).
 */
export async function up(db: Knex): Promise<void> {
  const at = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
  await db.schema.createTable('api_clients', (t) => {
    t.increments('id');
    t.string('definition_id', 255).notNullable().index();
    t.string('name', 255).notNullable();
    /** Public, given with the secret to the token endpoint. */
    t.string('client_id', 64).notNullable().unique();
    t.string('secret_hash', 64).notNullable();
    t.integer('created_by').references('users.id');
    at(t, 'created_at').notNullable();
    t.integer('revoked_by').references('users.id');
    at(t, 'revoked_at');
  });
  await db.schema.createTable('api_tokens', (t) => {
    t.string('token_hash', 64).primary();
    t.integer('client_id').notNullable().references('api_clients.id').onDelete('CASCADE').index();
    at(t, 'expires_at').notNullable();
    at(t, 'created_at').notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('api_tokens');
  await db.schema.dropTable('api_clients');
}
