import type { Effect } from '../../../engine/index.js';
import type { Db } from '../createDatabase.js';

/**
 * The milestones of a request's first instruction, kept on its row so that statistics over a million requests
 * read an index instead of aggregating the event log:
 * - `first_submitted_at`: its first `submit`; a resubmission after changes were asked keeps it;
 * - `first_instructed_at`: the first answer the applicant gets after it (changes asked, approval or refusal);
 *   the instructors' internal steps (`pre_approve`, `ask_opinion`) are not an answer;
 * - `decided_at`: the approval or refusal that ended that instruction (to `validated` or `refused`).
 * Each is written once. A reopening (the update of an approved authorization) changes none of them: the figures
 * describe how long getting an authorization takes, the reopened request keeps its first instruction's
 * milestones and is counted under its current state only.
 */
export const INSTRUCTION_EVENTS = ['request_changes', 'approve', 'refuse'] as const;
export const DECISION_EVENTS = ['approve', 'refuse'] as const;
export const DECISION_STATES = ['validated', 'refused'] as const;

const includes = (list: readonly string[], value: string | null) => value !== null && list.includes(value);

/** The milestones an event sets, inside the event's transaction (called right after its event row is written). */
export async function recordMilestones(tx: Db, requestId: number, event: Extract<Effect, { type: 'record_event' }>): Promise<void> {
  if (event.event === 'submit') {
    await tx('requests').where({ id: requestId }).whereNull('first_submitted_at').update({ first_submitted_at: event.at });
    return;
  }
  if (!includes(INSTRUCTION_EVENTS, event.event)) return;
  const decides = includes(DECISION_EVENTS, event.event) && includes(DECISION_STATES, event.to);
  // One statement for both: `coalesce` keeps what an earlier event set.
  await tx('requests')
    .where({ id: requestId })
    .whereNotNull('first_submitted_at')
    .update({
      first_instructed_at: tx.raw('coalesce(first_instructed_at, ?)', [event.at]),
      ...(decides ? { decided_at: tx.raw('coalesce(decided_at, ?)', [event.at]) } : {}),
    });
}

/**
 * The milestones of every request, from its events (the migration that adds them runs it once). Events are
 * taken in the order they were written (their id), as the hook above sees them. One statement, so that each
 * request is written once (on PostgreSQL, every update writes a new version of the row and of its index entries).
 */
export async function backfillMilestones(db: Db): Promise<void> {
  const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
  const firstAfter = (condition: string) =>
    `(select e.created_at from request_events e where e.request_id = f.request_id and e.id > f.id and ${condition} order by e.id limit 1)`;
  await db.raw(`update requests set first_submitted_at = m.submitted_at, first_instructed_at = m.instructed_at, decided_at = m.decided_at
    from (
      select f.request_id, s.created_at as submitted_at,
        ${firstAfter(`e.event in (${list(INSTRUCTION_EVENTS)})`)} as instructed_at,
        ${firstAfter(`e.event in (${list(DECISION_EVENTS)}) and e.to_state in (${list(DECISION_STATES)})`)} as decided_at
      from (select request_id, min(id) as id from request_events where event = 'submit' group by request_id) f
      join request_events s on s.id = f.id
    ) m
    where m.request_id = requests.id`);
}
