import type { Knex } from 'knex';

/**
 * The platform's tables. JSON columns are jsonb on PostgreSQL and text on SQLite; timestamps are stored with
 * their time zone. Ids are integers: requests are shown as `D<id>`, authorizations as `H<id>`.
 */
export async function up(db: Knex): Promise<void> {
  const pg = db.client.config.client === 'pg';
  const json = (t: Knex.CreateTableBuilder, name: string) => (pg ? t.jsonb(name) : t.text(name));
  const at = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

  await db.schema.createTable('users', (t) => {
    t.increments('id');
    t.string('email', 320).notNullable().unique();
    t.string('given_name', 255);
    t.string('family_name', 255);
    t.string('phone_number', 64);
    t.string('job_title', 255);
    t.string('oidc_sub', 255).unique();
    at(t, 'created_at').notNullable();
    at(t, 'updated_at').notNullable();
  });

  await db.schema.createTable('user_roles', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('role', 255).notNullable();
    t.primary(['user_id', 'role']);
  });

  await db.schema.createTable('organizations', (t) => {
    t.increments('id');
    t.string('siret', 14).notNullable().unique();
    t.string('name', 500).notNullable();
    t.string('address', 1000);
    t.string('legal_category', 16);
    t.string('naf_code', 16);
    t.boolean('closed').notNullable().defaultTo(false);
    json(t, 'insee_payload');
    at(t, 'fetched_at');
    at(t, 'created_at').notNullable();
  });

  await db.schema.createTable('memberships', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.integer('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    at(t, 'created_at').notNullable();
    t.primary(['user_id', 'organization_id']);
  });

  await db.schema.createTable('sessions', (t) => {
    t.string('sid', 255).primary();
    json(t, 'sess').notNullable();
    t.bigInteger('expires_at').notNullable().index();
  });

  await db.schema.createTable('requests', (t) => {
    t.increments('id');
    t.string('definition_id', 255).notNullable();
    t.string('definition_version', 64).notNullable();
    t.string('use_case_id', 255).notNullable().defaultTo('');
    t.string('state', 64).notNullable();
    json(t, 'data').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.integer('organization_id').notNullable().references('organizations.id');
    t.integer('applicant_id').notNullable().references('users.id');
    t.boolean('reopening').notNullable().defaultTo(false);
    json(t, 'last_submitted_data');
    t.string('external_provider_id', 255);
    // The sandbox request a production request continues: unique, so a sandbox starts production once.
    t.integer('previous_request_id').references('requests.id').unique();
    at(t, 'created_at').notNullable();
    at(t, 'updated_at').notNullable();
    at(t, 'last_submitted_at');
    at(t, 'last_validated_at');
    t.index(['organization_id', 'updated_at']);
    t.index(['definition_id', 'state', 'updated_at']);
  });

  await db.schema.createTable('request_events', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('requests.id');
    t.string('event', 64).notNullable();
    t.string('from_state', 64);
    t.string('to_state', 64).notNullable();
    t.integer('actor_id').references('users.id');
    t.string('actor_kind', 16).notNullable();
    t.text('reason');
    at(t, 'created_at').notNullable();
    t.index(['request_id', 'id']);
  });

  await db.schema.createTable('submission_diffs', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('requests.id');
    t.integer('event_id').notNullable().references('request_events.id');
    t.boolean('first').notNullable();
    json(t, 'changes').notNullable();
    at(t, 'created_at').notNullable();
    t.index(['request_id']);
  });

  await db.schema.createTable('authorizations', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('requests.id');
    // The engine's key for it within the request (`<request id>/<n>`).
    t.string('engine_key', 64).notNullable().unique();
    t.string('definition_id', 255).notNullable();
    t.integer('organization_id').notNullable().references('organizations.id');
    t.integer('applicant_id').notNullable().references('users.id');
    json(t, 'data').notNullable();
    t.string('state', 16).notNullable();
    at(t, 'created_at').notNullable();
    at(t, 'obsoleted_at');
    at(t, 'revoked_at');
    t.index(['request_id']);
    t.index(['organization_id']);
  });

  await db.schema.createTable('messages', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('requests.id');
    t.integer('author_id').notNullable().references('users.id');
    t.boolean('from_instructor').notNullable();
    t.text('body').notNullable();
    at(t, 'created_at').notNullable();
    t.index(['request_id', 'id']);
  });

  await db.schema.createTable('documents', (t) => {
    t.string('id', 36).primary();
    t.integer('request_id').notNullable().references('requests.id');
    t.string('field', 500).notNullable();
    t.string('filename', 255).notNullable();
    t.string('content_type', 255).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.binary('content').notNullable();
    t.integer('uploaded_by').notNullable().references('users.id');
    at(t, 'created_at').notNullable();
    t.index(['request_id', 'field']);
  });

  // The outbox: what to send (e-mails, webhooks) or produce (conventions), written with the event that causes it.
  await db.schema.createTable('notifications', (t) => {
    t.increments('id');
    t.string('kind', 32).notNullable();
    t.integer('request_id').notNullable().references('requests.id');
    t.integer('event_id').references('request_events.id');
    json(t, 'payload').notNullable();
    t.string('status', 16).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    at(t, 'available_at').notNullable();
    at(t, 'created_at').notNullable();
    t.index(['status', 'available_at']);
  });

  await db.schema.createTable('access_denials', (t) => {
    t.increments('id');
    t.integer('user_id').references('users.id');
    t.string('method', 8).notNullable();
    t.string('path', 2000).notNullable();
    t.string('reason', 500).notNullable();
    at(t, 'created_at').notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['access_denials', 'notifications', 'documents', 'messages', 'authorizations', 'submission_diffs', 'request_events', 'requests', 'sessions', 'memberships', 'organizations', 'user_roles', 'users']) {
    await db.schema.dropTableIfExists(table);
  }
}
