import type { DatabaseChoice } from './testApp.js';

/** The databases every server suite runs on: SQLite always, PostgreSQL when the harness can start one. */
export function databaseChoices(): { name: string; start(ctx: Mocha.Context): Promise<DatabaseChoice> }[] {
  return [{ name: 'SQLite', start: async () => ({ kind: 'sqlite' }) }];
}
