import type { Db } from '../createDatabase.js';
import { isPostgres } from '../createDatabase.js';
import { monthsBefore, weekBoundaries } from './statisticsCalendar.js';
import type { ClosedPeriods } from './statisticsClosedPeriods.js';
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
  /**
   * The figures of the months and weeks already over, kept from one call to the next (the pages pass the
   * database's, statisticsClosedPeriods.ts); `now` must then never go back. Without it, everything is read.
   */
  closedPeriods?: ClosedPeriods | undefined;
}

/**
 * The figures of the statistics pages, from the milestones on each request (milestones.ts), never from the
 * event log. Every query reads one partial index over the definition's requests that reached a milestone in the
 * period, or before it and still awaiting a decision; only the counts per state read an index over every
 * request. Definitions are queried one by one (concurrently) and added up here, so that each query reads one
 * range of its index. With `closedPeriods`, the months and weeks already over are read once, then only the
 * current ones.
 */
export async function requestStatistics(db: Db, options: StatisticsOptions): Promise<Statistics> {
  const since = monthsBefore(options.now);
  const months = monthsFrom(since, options.now);
  const boundaries = weekBoundaries(options.now);
  options.closedPeriods?.dropBefore(months[0]!, boundaries[0]!);
  const definitionIds = options.definitionId !== undefined ? [options.definitionId] : await definitionsWithRequests(db);
  const period = { months, boundaries, now: options.now, closed: options.closedPeriods };
  const [counts, histograms, weeks] = await Promise.all([
    countsByState(db, options.definitionId),
    Promise.all(definitionIds.map(async (id) => Object.fromEntries(await Promise.all(DURATION_KINDS.map(async (kind) => [kind, await durationHistogram(db, kind, id, period)] as const))) as Record<DurationKind, Histogram>)),
    Promise.all(definitionIds.map((id) => backlogOf(db, id, period))),
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

/** The periods of one call: the months of the durations (UTC, the last one current), the weeks of the backlog. */
interface Period {
  months: string[];
  boundaries: string[];
  now: Date;
  closed: ClosedPeriods | undefined;
}

/** `YYYY-MM` from the month of `since` to the month of `now`. */
function monthsFrom(since: Date, now: Date): string[] {
  const months: string[] = [];
  for (let m = new Date(since); m.getTime() <= now.getTime(); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) months.push(m.toISOString().slice(0, 7));
  return months;
}

/**
 * A definition's histogram of one duration, over the requests that reached its end during the period's months:
 * the months already over from `closed` up to the first it lacks, the others from the database.
 */
async function durationHistogram(db: Db, kind: DurationKind, definitionId: string, period: Period): Promise<Histogram> {
  const { months, closed } = period;
  const current = months.length - 1;
  let from = 0;
  while (closed && from < current && closed.histogram(definitionId, kind, months[from]!)) from++;
  const byMonth = await durationsByMonth(db, kind, definitionId, months.slice(from));
  for (let m = from; m < current; m++) closed?.keepHistogram(definitionId, kind, months[m]!, byMonth.get(months[m]!) ?? new Map());
  return mergeHistograms([...months.slice(0, from).map((m) => closed!.histogram(definitionId, kind, m)!), ...byMonth.values()]);
}

/** A definition's histogram of one duration per month (UTC) of its end, over `months` (`YYYY-MM`, consecutive). */
async function durationsByMonth(db: Db, kind: DurationKind, definitionId: string, months: string[]): Promise<Map<string, Histogram>> {
  const pg = isPostgres(db);
  const { end } = DURATIONS[kind];
  // PostgreSQL: each duration computed once per row (`offset 0` keeps the subquery from being merged into the
  // query, which would compute it for the bucket, the minimum and the maximum), its buckets in a hash table;
  // the month is found among the months' starts (width_bucket: 1 for the first, the last for anything after
  // its start). SQLite reads its index by month then bucket (see statisticsSql.ts), named since its planner
  // may prefer another one and sort.
  const starts = months.map((m) => `${m}-01T00:00:00.000Z`);
  const sql = pg
    ? `select month, ${bucketOfSql('s', true)} as bucket, count(*) as n, min(s) as lo, max(s) as hi
       from (select width_bucket(${end}, ?::timestamptz[]) as month, ${secondsSql(kind, true)} as s
             from requests where definition_id = ? and ${end} >= ? and ${measuredSql(kind)} offset 0) durations
       group by 1, 2`
    : `select ${monthSql(kind)} as month, ${bucketSql(kind, false)} as bucket, count(*) as n, min(${secondsSql(kind, false)}) as lo, max(${secondsSql(kind, false)}) as hi
       from requests indexed by ${durationIndexName(kind)} where definition_id = ? and ${monthSql(kind)} >= ? and ${measuredSql(kind)}
       group by ${monthSql(kind)}, ${bucketSql(kind, false)}`;
  const result = await db.raw(sql, pg ? [starts, definitionId, starts[0]!] : [definitionId, months[0]!]);
  const rows: { month: number | string; bucket: number | string; n: number | string; lo: number | string; hi: number | string }[] = pg ? result.rows : result;
  const byMonth = new Map<string, Histogram>();
  for (const r of rows) {
    const month = pg ? months[Number(r.month) - 1]! : String(r.month);
    if (!byMonth.has(month)) byMonth.set(month, new Map());
    addToHistogram(byMonth.get(month)!, Number(r.bucket), { count: Number(r.n), min: Number(r.lo), max: Number(r.hi) });
  }
  return byMonth;
}

interface DefinitionBacklog {
  /** Awaiting a decision at the first boundary. */
  base: number;
  /** Per week: first submitted, decided. */
  weeks: { submitted: number; decided: number }[];
}

/**
 * A definition's requests awaiting a decision at the first boundary, and its submissions and decisions per
 * week: the weeks already over from `closed` when it has them, the others from the database.
 */
async function backlogOf(db: Db, definitionId: string, period: Period): Promise<DefinitionBacklog> {
  const { boundaries, closed, now } = period;
  const first = boundaries[0]!;
  const weekCount = boundaries.length - 1;
  const known = boundaries.slice(0, -1).map((start) => closed?.week(definitionId, start));
  const missing = known.flatMap((week, i) => (week ? [] : [i]));
  const [base, counted] = await Promise.all([closed?.awaitingAt(definitionId, first) ?? awaitingAt(db, definitionId, first), weeklyCounts(db, definitionId, missing.map((i) => [boundaries[i]!, boundaries[i + 1]!] as const))]);
  closed?.keepAwaitingAt(definitionId, first, base);
  const weeks = known.slice();
  missing.forEach((i, k) => {
    weeks[i] = counted[k]!;
    if (Date.parse(boundaries[i + 1]!) <= now.getTime()) closed?.keepWeek(definitionId, boundaries[i]!, counted[k]!);
  });
  return { base, weeks: weeks.slice(0, weekCount) as DefinitionBacklog['weeks'] };
}

/** A definition's requests submitted before `at` and not decided then. */
async function awaitingAt(db: Db, definitionId: string, at: string): Promise<number> {
  const result = await db.raw(
    `select
      (select count(*) from requests where definition_id = ? and decided_at >= ? and first_submitted_at < ?) as decided_later,
      (select count(*) from requests where definition_id = ? and decided_at is null and first_submitted_at < ?) as undecided`,
    [definitionId, at, at, definitionId, at],
  );
  const row = (isPostgres(db) ? result.rows : result)[0] as Record<string, number | string>;
  return Number(row.decided_later) + Number(row.undecided);
}

/** A definition's first submissions and decisions in each week [start, end). */
async function weeklyCounts(db: Db, definitionId: string, weeks: (readonly [string, string])[]): Promise<{ submitted: number; decided: number }[]> {
  if (!weeks.length) return [];
  const pg = isPostgres(db);
  const at = pg ? '?::timestamptz' : '?';
  const result = await db.raw(
    `select w.column1 as week,
      (select count(*) from requests r where r.definition_id = ? and r.first_submitted_at >= w.column2 and r.first_submitted_at < w.column3) as submitted,
      (select count(*) from requests r where r.definition_id = ? and r.decided_at >= w.column2 and r.decided_at < w.column3) as decided
    from (values ${weeks.map((_, i) => `(${i}, ${at}, ${at})`).join(', ')}) as w order by 1`,
    [definitionId, definitionId, ...weeks.flat()],
  );
  return ((pg ? result.rows : result) as Record<string, number | string>[]).map((r) => ({ submitted: Number(r.submitted), decided: Number(r.decided) }));
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
