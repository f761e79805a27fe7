import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import knex, { type Knex } from 'knex';
import { PreparedSqliteClient } from './PreparedSqliteClient.js';

export type Db = Knex;

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; otherwise the embedded SQLite file is used. */
  url?: string | undefined;
  /** The SQLite file (default `./data/datapass.sqlite`); `:memory:` for a throwaway database. */
  sqliteFile?: string;
  /** PostgreSQL pool size (default 10). */
  poolMax?: number;
}

/**
 * The database: PostgreSQL when a URL is given (several server processes share it), else the embedded
 * SQLite file. SQLite runs in WAL mode with `synchronous=FULL`, so a commit that returned is on disk, and
 * with one connection, so transactions of one server process never interleave.
 */
export function createDatabase(options: DatabaseOptions = {}): Db {
  if (options.url) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) throw new Error(`DATABASE_URL must be a postgres:// URL, got "${options.url.replace(/:[^:@/]*@/, ':***@')}".`);
    return knex({ client: 'pg', connection: options.url, pool: { min: 0, max: options.poolMax ?? 10 } });
  }
  const filename = options.sqliteFile ?? resolve('data', 'datapass.sqlite');
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return knex({
    client: PreparedSqliteClient as unknown as typeof knex.Client,
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection: { run(sql: string, cb: (error: Error | null) => void): void }, done: (error: Error | null, connection: unknown) => void) {
        const pragmas = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = FULL', 'PRAGMA foreign_keys = ON', 'PRAGMA busy_timeout = 5000'];
        const next = (i: number): void => {
          if (i === pragmas.length) return done(null, connection);
          connection.run(pragmas[i]!, (error) => (error ? done(error, connection) : next(i + 1)));
        };
        next(0);
      },
    },
  });
}

/**
 * Read-only connections to the same database for reads outside transactions: on SQLite a second pool of
 * `query_only` connections, which WAL lets read while the writer commits; on PostgreSQL the same pool.
 */
export function createReadDatabase(writer: Db, options: DatabaseOptions = {}): Db {
  if (isPostgres(writer)) return writer;
  const filename = options.sqliteFile ?? resolve('data', 'datapass.sqlite');
  if (filename === ':memory:') return writer;
  return knex({
    client: PreparedSqliteClient as unknown as typeof knex.Client,
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 0,
      max: 3,
      afterCreate(connection: { run(sql: string, cb: (error: Error | null) => void): void }, done: (error: Error | null, connection: unknown) => void) {
        connection.run('PRAGMA query_only = ON', (e1) => (e1 ? done(e1, connection) : connection.run('PRAGMA busy_timeout = 5000', (e2) => done(e2, connection))));
      },
    },
  });
}

/** True on PostgreSQL, where row locks (`FOR UPDATE`) and `SKIP LOCKED` exist. */
export const isPostgres = (db: Db): boolean => db.client.config.client === 'pg';
