import type { Db } from '../createDatabase.js';
import { toIso } from '../json.js';

const DECISIONS = ['approve', 'refuse'];
const DAY = 86_400_000;

export interface ProcessingTime {
  /** The median, in days, from a submission to the provider's decision on it. */
  medianDays: number;
  /** How many decisions the median is taken over. */
  count: number;
  /** The months looked back. */
  months: number;
}

/**
 * How long a request of `definitionId` waits for its decision, as the median over the decisions (approval or
 * refusal) of the last `months` months: from the first submission after the previous decision (changes asked
 * in between included, since the applicant waits through them too) to the decision. Undefined without any.
 */
export async function processingTime(db: Db, definitionId: string, now: Date, months = 6): Promise<ProcessingTime | undefined> {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  const rows = await db('request_events as e')
    .join('requests as r', 'r.id', 'e.request_id')
    .where('r.definition_id', definitionId)
    .whereIn('e.event', ['submit', ...DECISIONS])
    .whereIn('e.request_id', db('request_events as d').select('d.request_id').whereIn('d.event', DECISIONS).where('d.created_at', '>=', since.toISOString()))
    .orderBy(['e.request_id', 'e.id'])
    .select('e.request_id', 'e.event', 'e.created_at');
  const durations: number[] = [];
  let request: unknown;
  let submittedAt: number | undefined;
  for (const row of rows) {
    if (row.request_id !== request) {
      request = row.request_id;
      submittedAt = undefined;
    }
    const at = Date.parse(toIso(row.created_at));
    if (row.event === 'submit') submittedAt ??= at;
    else {
      if (submittedAt !== undefined && at >= since.getTime()) durations.push((at - submittedAt) / DAY);
      submittedAt = undefined;
    }
  }
  if (!durations.length) return undefined;
  durations.sort((a, b) => a - b);
  const middle = Math.floor(durations.length / 2);
  const medianDays = durations.length % 2 ? durations[middle]! : (durations[middle - 1]! + durations[middle]!) / 2;
  return { medianDays, count: durations.length, months };
}
