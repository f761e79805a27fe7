import type { Db } from '../createDatabase.js';
import { isPostgres } from '../createDatabase.js';
import { monthsBefore, weekBoundaries } from './statisticsCalendar.js';
import { addToHistogram, countOf, mergeHistograms, percentileOf, type Histogram } from './statisticsHistogram.js';
import { bucketOfSql, bucketSql, DURATION_KINDS, durationIndexName, DURATIONS, measuredSql, monthSql, secondsSql, type DurationKind } from './statisticsSql.js';

/** A duration's figures over a set of requests, in seconds. */
export interface DurationFigures {
  /** How many requests reached the duration's end in the period. */
  count: number;
  median?: number;
  p80?: number;
}

/** The requests awaiting a decision at the end of a week. */
export interface BacklogPoint {
  /** The week's Monday, 00:00 Paris time. */
  weekStart: string;
  /** When the figure is taken: the end of the week, or now for the current week. */
  at: string;
  /** Submitted and not decided yet at `at` (changes asked in between included). */
  awaiting: number;
  /** First submitted during the week. */
  submitted: number;
  /** Decided during the week. */
  decided: number;
}

export interface Statistics {
  /** The durations are over the requests that reached the duration's end since then. */
  durationsSince: string;
  /** Requests per definition and state, every request counted. */
  counts: { definitionId: string; state: string; count: number }[];
  durations: Record<DurationKind, { all: DurationFigures; byDefinition: Record<string, DurationFigures> }>;
  /** One point per week of the last twelve months, or since the first submission when it is more recent. */
  backlog: BacklogPoint[];
}

export interface StatisticsOptions {
  now: Date;
  /** Only this definition's requests. */
  definitionId?: string | undefined;
}

/**
 * The figures of the statistics pages, from the milestones on each request (milestones.ts), never from the
 * event log. Every query reads one partial index over the definition's requests that reached a milestone in the
 * period, or before it and still awaiting a decision; only the counts per state read an index over every
 * request. Definitions are queried one by one (concurrently) and added up here, so that each query reads one
 * range of its index.
 */
export async function requestStatistics(db: Db, options: StatisticsOptions): Promise<Statistics> {
  const since = monthsBefore(options.now);
  const boundaries = weekBoundaries(options.now);
  const definitionIds = options.definitionId !== undefined ? [options.definitionId] : await definitionsWithRequests(db);
  const [counts, histograms, weeks] = await Promise.all([
    countsByState(db, options.definitionId),
    Promise.all(definitionIds.map(async (id) => Object.fromEntries(await Promise.all(DURATION_KINDS.map(async (kind) => [kind, await durationHistogram(db, kind, id, since)] as const))) as Record<DurationKind, Histogram>)),
    Promise.all(definitionIds.map((id) => backlogOf(db, id, boundaries))),
  ]);
  const durations = Object.fromEntries(
    DURATION_KINDS.map((kind) => [
      kind,
      {
        all: figures(mergeHistograms(histograms.map((h) => h[kind]))),
        byDefinition: Object.fromEntries(definitionIds.map((id, i) => [id, figures(histograms[i]![kind])])),
      },
    ]),
  ) as Statistics['durations'];
  return { durationsSince: since.toISOString(), counts, durations, backlog: backlogPoints(boundaries, weeks, options.now) };
}

function figures(histogram: Histogram): DurationFigures {
  const count = countOf(histogram);
  if (!count) return { count };
  return { count, median: percentileOf(histogram, 0.5)!, p80: percentileOf(histogram, 0.8)! };
}

/**
 * The definitions that have requests, each found by one index lookup (a loose index scan: the next definition
 * after the previous one), not by reading every request.
 */
async function definitionsWithRequests(db: Db): Promise<string[]> {
  const result = await db.raw(`with recursive found (id) as (
      select min(definition_id) from requests
      union all
      select (select min(definition_id) from requests where definition_id > found.id) from found where found.id is not null
    ) select id from found where id is not null`);
  const rows: { id: string }[] = isPostgres(db) ? result.rows : result;
  return rows.map((r) => String(r.id));
}

async function countsByState(db: Db, definitionId: string | undefined): Promise<Statistics['counts']> {
  let query = db('requests').select('definition_id', 'state').count({ n: '*' }).groupBy('definition_id', 'state');
  if (definitionId !== undefined) query = query.where('definition_id', definitionId);
  const rows = (await query) as unknown as { definition_id: string; state: string; n: number | string }[];
  return rows.map((r) => ({ definitionId: String(r.definition_id), state: String(r.state), count: Number(r.n) })).sort((a, b) => a.definitionId.localeCompare(b.definitionId) || a.state.localeCompare(b.state));
}

/** A definition's histogram of one duration, over the requests that reached its end since `since`. */
async function durationHistogram(db: Db, kind: DurationKind, definitionId: string, since: Date): Promise<Histogram> {
  const pg = isPostgres(db);
  const { end } = DURATIONS[kind];
  // PostgreSQL: each duration computed once per row (`offset 0` keeps the subquery from being merged into the
  // query, which would compute it for the bucket, the minimum and the maximum), its buckets in a hash table.
  // SQLite reads its index by month then bucket (see statisticsSql.ts), named since its planner may prefer
  // another one and sort; the months give one row per bucket each.
  const sql = pg
    ? `select ${bucketOfSql('s', true)} as bucket, count(*) as n, min(s) as lo, max(s) as hi
       from (select ${secondsSql(kind, true)} as s from requests where definition_id = ? and ${end} >= ? and ${measuredSql(kind)} offset 0) durations group by 1`
    : `select ${bucketSql(kind, false)} as bucket, count(*) as n, min(${secondsSql(kind, false)}) as lo, max(${secondsSql(kind, false)}) as hi
       from requests indexed by ${durationIndexName(kind)} where definition_id = ? and ${monthSql(kind)} >= ? and ${measuredSql(kind)}
       group by ${monthSql(kind)}, ${bucketSql(kind, false)}`;
  const result = await db.raw(sql, [definitionId, pg ? since.toISOString() : since.toISOString().slice(0, 7)]);
  const rows: { bucket: number | string; n: number | string; lo: number | string; hi: number | string }[] = pg ? result.rows : result;
  const histogram: Histogram = new Map();
  for (const r of rows) addToHistogram(histogram, Number(r.bucket), { count: Number(r.n), min: Number(r.lo), max: Number(r.hi) });
  return histogram;
}

interface DefinitionBacklog {
  /** Awaiting a decision at the first boundary. */
  base: number;
  /** Per week: first submitted, decided. */
  weeks: { submitted: number; decided: number }[];
}

/** A definition's requests awaiting a decision at the first boundary, and its submissions and decisions per week. */
async function backlogOf(db: Db, definitionId: string, boundaries: string[]): Promise<DefinitionBacklog> {
  const pg = isPostgres(db);
  const at = pg ? '?::timestamptz' : '?';
  const first = boundaries[0]!;
  const values = boundaries.slice(1).map((_, i) => `(${i}, ${at}, ${at})`).join(', ');
  const weekly = `select w.column1 as week,
      (select count(*) from requests r where r.definition_id = ? and r.first_submitted_at >= w.column2 and r.first_submitted_at < w.column3) as submitted,
      (select count(*) from requests r where r.definition_id = ? and r.decided_at >= w.column2 and r.decided_at < w.column3) as decided
    from (values ${values}) as w order by 1`;
  const base = `select
      (select count(*) from requests where definition_id = ? and decided_at >= ? and first_submitted_at < ?) as decided_later,
      (select count(*) from requests where definition_id = ? and decided_at is null and first_submitted_at < ?) as undecided`;
  const [weekRows, baseRows] = await Promise.all([
    db.raw(weekly, [definitionId, definitionId, ...boundaries.slice(1).flatMap((end, i) => [boundaries[i]!, end])]),
    db.raw(base, [definitionId, first, first, definitionId, first]),
  ]);
  const rowsOf = (result: any): Record<string, number | string>[] => (pg ? result.rows : result);
  const b = rowsOf(baseRows)[0]!;
  return {
    base: Number(b.decided_later) + Number(b.undecided),
    weeks: rowsOf(weekRows).map((r) => ({ submitted: Number(r.submitted), decided: Number(r.decided) })),
  };
}

/** The definitions' weeks added up, from the first week with a submission when nothing awaited before. */
function backlogPoints(boundaries: string[], definitions: DefinitionBacklog[], now: Date): BacklogPoint[] {
  let awaiting = definitions.reduce((sum, d) => sum + d.base, 0);
  const points: BacklogPoint[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const submitted = definitions.reduce((sum, d) => sum + d.weeks[i]!.submitted, 0);
    const decided = definitions.reduce((sum, d) => sum + d.weeks[i]!.decided, 0);
    awaiting += submitted - decided;
    if (!points.length && awaiting === 0 && submitted === 0) continue;
    const end = boundaries[i + 1]!;
    points.push({ weekStart: boundaries[i]!, at: Date.parse(end) > now.getTime() ? now.toISOString() : end, awaiting, submitted, decided });
  }
  return points;
}
