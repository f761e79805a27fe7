import type { Knex } from 'knex';
import { isPostgres } from '../createDatabase.js';
import { indexAllRequests } from '../repositories/requestSearch.js';

/**
 * The instruction desk's search and filters at a million requests.
 *
 * `request_documents` holds one search document per request (folded words: see requestSearch.ts), written in
 * the transaction of every write that changes it. PostgreSQL keeps its `tsvector` in a stored generated
 * column (config `simple`: the words are already folded, and no stemming) under a GIN index; SQLite indexes
 * it in an FTS5 table over that same table (external content: the text is stored once), kept in step by
 * triggers. The indexes on `requests` serve the list's keyset order (`updated_at desc, id desc`) under each
 * filter, so a page reads about the rows it shows.
 */
export async function up(db: Knex): Promise<void> {
  const pg = isPostgres(db);
  // `integer primary key`: on SQLite the request id is the rowid, which FTS5 uses as its own.
  await db.raw(`create table request_documents (
    request_id integer primary key references requests (id) on delete cascade,
    document text not null${pg ? `,\n    search tsvector generated always as (to_tsvector('simple'::regconfig, document)) stored` : ''}
  )`);
  // The documents of the existing requests first, then the full-text index in one go: faster than row by row.
  await indexAllRequests(db);
  if (pg) {
    await db.raw('create index request_documents_search on request_documents using gin (search)');
  } else {
    await db.raw(`create virtual table request_search using fts5(document, content = 'request_documents', content_rowid = 'request_id', tokenize = 'unicode61 remove_diacritics 2')`);
    await db.raw(`insert into request_search (request_search) values ('rebuild')`);
    await db.raw(`create trigger request_documents_inserted after insert on request_documents begin
      insert into request_search (rowid, document) values (new.request_id, new.document);
    end`);
    await db.raw(`create trigger request_documents_deleted after delete on request_documents begin
      insert into request_search (request_search, rowid, document) values ('delete', old.request_id, old.document);
    end`);
    await db.raw(`create trigger request_documents_updated after update on request_documents begin
      insert into request_search (request_search, rowid, document) values ('delete', old.request_id, old.document);
      insert into request_search (rowid, document) values (new.request_id, new.document);
    end`);
  }
  // The list walks an index in its order (`updated_at desc, id desc`, the keyset's tie-breaker spelt out: SQLite
  // would otherwise put its rowid last) under each filter, and stops at a page. The creation date rides along,
  // so that a period is checked in the index without reading the rows it rejects. 001's (definition_id, state,
  // updated_at) gives way to the same with these.
  await db.raw('drop index requests_definition_id_state_updated_at_index');
  await db.raw('create index requests_definition_state_updated on requests (definition_id, state, updated_at, id, created_at)');
  await db.raw('create index requests_definition_updated on requests (definition_id, updated_at, id, created_at)');
  // A state across several definitions (an instructor of a whole provider, the « à instruire » tab), and everything (an admin).
  await db.raw('create index requests_state_updated on requests (state, updated_at, id, definition_id)');
  await db.raw('create index requests_updated on requests (updated_at, id)');
  // A short period: its requests, then sorted (PostgreSQL's choice for a page; on SQLite, counts only).
  await db.raw('create index requests_definition_created on requests (definition_id, created_at)');
  // Reopenings are few and looked for: a partial index finds them without walking the others.
  await db.raw(`create index requests_definition_reopening_updated on requests (definition_id, updated_at, id) where reopening = ${pg ? 'true' : '1'}`);
}

export async function down(db: Knex): Promise<void> {
  for (const index of ['requests_definition_reopening_updated', 'requests_definition_created', 'requests_updated', 'requests_state_updated', 'requests_definition_updated', 'requests_definition_state_updated']) {
    await db.raw(`drop index if exists ${index}`);
  }
  await db.raw('create index requests_definition_id_state_updated_at_index on requests (definition_id, state, updated_at)');
  if (!isPostgres(db)) {
    for (const trigger of ['request_documents_inserted', 'request_documents_deleted', 'request_documents_updated']) await db.raw(`drop trigger if exists ${trigger}`);
    await db.raw('drop table if exists request_search');
  }
  await db.raw('drop table if exists request_documents');
}
