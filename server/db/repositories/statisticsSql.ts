/**
 * The SQL of the statistics' durations, in one place: the queries of statistics.ts and the indexes of migration
 * 003 must spell SQLite's expressions identically, or SQLite does not use the index (it matches indexed
 * expressions by their text's structure).
 *
 * A duration is grouped into a bucket of its logarithm: `floor(ln(seconds) × BUCKETS_PER_E)`, so a bucket spans
 * a factor e^(1/20) ≈ 1.051 (5 %), from a second to years in about 350 buckets. Each bucket keeps its count, its
 * smallest and its largest duration; percentileOf() (statisticsHistogram.ts) reads percentiles from them.
 */
export const BUCKETS_PER_E = 20;

/** The three durations: from which milestone to which. */
export const DURATIONS = {
  /** Creation → first submission. */
  submission: { start: 'created_at', end: 'first_submitted_at' },
  /** First submission → the first answer to the applicant (changes asked, approval or refusal). */
  firstAnswer: { start: 'first_submitted_at', end: 'first_instructed_at' },
  /** First submission → the decision that ended the instruction. */
  decision: { start: 'first_submitted_at', end: 'decided_at' },
} as const;

export type DurationKind = keyof typeof DURATIONS;
export const DURATION_KINDS = Object.keys(DURATIONS) as DurationKind[];

/** The duration in seconds, as a double on both databases (`date_part`, not `extract`, which gives a numeric). */
export function secondsSql(kind: DurationKind, pg: boolean): string {
  const { start, end } = DURATIONS[kind];
  return pg ? `(date_part('epoch', ${end}) - date_part('epoch', ${start}))` : `(unixepoch(${end}, 'subsec') - unixepoch(${start}, 'subsec'))`;
}

/** The bucket of a duration in seconds (durations under a second, or negative ones, fall in bucket 0). */
export function bucketOfSql(seconds: string, pg: boolean): string {
  return pg ? `floor(ln(greatest(1, ${seconds})) * ${BUCKETS_PER_E})::integer` : `cast(ln(max(1, ${seconds})) * ${BUCKETS_PER_E} as integer)`;
}

/** The bucket of the duration. */
export const bucketSql = (kind: DurationKind, pg: boolean): string => bucketOfSql(secondsSql(kind, pg), pg);

/**
 * SQLite only: the UTC month (`YYYY-MM`) of the duration's end. SQLite groups by sorting, which at a million
 * rows takes seconds; an index on (definition, month, bucket, seconds) hands it the rows already in that order,
 * so the query for the months since a date reads only their index entries, grouped as they come. PostgreSQL
 * groups in a hash table and needs none of it.
 */
export function monthSql(kind: DurationKind): string {
  return `substr(${DURATIONS[kind].end}, 1, 7)`;
}

/**
 * The requests that have the duration: both milestones set. `created_at` is never null, and SQLite drops a test
 * of it from a query, after which the query would no longer match an index that keeps it.
 */
export function measuredSql(kind: DurationKind): string {
  const { start, end } = DURATIONS[kind];
  return start === 'created_at' ? `${end} is not null` : `${end} is not null and ${start} is not null`;
}

/** The name of SQLite's index for a duration. */
export const durationIndexName = (kind: DurationKind) => `requests_stats_${kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/**
 * SQLite's index statement for a duration (migration 003). The milestones themselves end it although the query
 * reads only the expressions: without them SQLite does not see the index as covering and reads every row.
 */
export function durationIndexSql(kind: DurationKind): string {
  const { start, end } = DURATIONS[kind];
  return `create index ${durationIndexName(kind)} on requests (definition_id, ${monthSql(kind)}, ${bucketSql(kind, false)}, ${secondsSql(kind, false)}, ${end}, ${start}) where ${measuredSql(kind)}`;
}
