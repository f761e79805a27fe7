import type { Knex } from 'knex';
import { isPostgres } from '../createDatabase.js';
import { backfillMilestones } from '../repositories/milestones.js';
import { DURATION_KINDS, durationIndexName, durationIndexSql } from '../repositories/statisticsSql.js';

/**
 * The statistics at a million requests: each request's first-instruction milestones on its row (see
 * milestones.ts), filled from the event log for the requests already there, and the partial indexes the
 * statistics read (statistics.ts), each holding only the requests that reached its milestone:
 * - by definition and first submission (with the creation): submissions per week, creation → submission;
 * - by definition and decision (with the first submission): decisions per week, submission → decision;
 * - by definition and first submission of the requests still awaiting a decision (with the decision, null, so
 *   that SQLite reads the index alone): the backlog before the period;
 * - PostgreSQL: by definition and first answer (with the first submission), submission → first answer;
 * - SQLite: one index per duration ordered by month and duration bucket (see statisticsSql.ts).
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('requests', (t) => {
    t.timestamp('first_submitted_at', { useTz: true });
    t.timestamp('first_instructed_at', { useTz: true });
    t.timestamp('decided_at', { useTz: true });
  });
  await backfillMilestones(db);
  await db.raw('create index requests_first_submitted on requests (definition_id, first_submitted_at, created_at) where first_submitted_at is not null');
  await db.raw('create index requests_decided on requests (definition_id, decided_at, first_submitted_at) where decided_at is not null');
  await db.raw('create index requests_awaiting_decision on requests (definition_id, first_submitted_at, decided_at) where first_submitted_at is not null and decided_at is null');
  if (isPostgres(db)) {
    await db.raw('create index requests_first_instructed on requests (definition_id, first_instructed_at, first_submitted_at) where first_instructed_at is not null');
  } else {
    for (const kind of DURATION_KINDS) await db.raw(durationIndexSql(kind));
  }
}

export async function down(db: Knex): Promise<void> {
  for (const index of ['requests_first_submitted', 'requests_decided', 'requests_awaiting_decision', 'requests_first_instructed', ...DURATION_KINDS.map(durationIndexName)]) {
    await db.raw(`drop index if exists ${index}`);
  }
  // Plain SQL: knex rebuilds the table on SQLite, which the search triggers of 002 would not survive.
  for (const column of ['first_submitted_at', 'first_instructed_at', 'decided_at']) await db.raw(`alter table requests drop column ${column}`);
}
