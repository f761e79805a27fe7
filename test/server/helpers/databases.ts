import { postgresUrl, requirePostgres } from '../../helpers/postgres.js';
import type { DatabaseChoice } from './testApp.js';

/**
 * The databases every server suite runs on: SQLite always, and a real PostgreSQL started by the test harness
 * (skipped with a printed reason when PostgreSQL is absent, an error under CI).
 */
export function databaseChoices(): { name: string; start(ctx: Mocha.Context): Promise<DatabaseChoice> }[] {
  return [
    { name: 'SQLite', start: async () => ({ kind: 'sqlite' }) },
    {
      name: 'PostgreSQL',
      start: async (ctx) => {
        requirePostgres(ctx);
        return { kind: 'postgres', url: await postgresUrl() };
      },
    },
  ];
}
