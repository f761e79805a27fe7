import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Registry } from '../engine/index.js';
import type { AppContext } from '../server/AppContext.js';
import { createDatabase, createReadDatabase, isPostgres, type Db } from '../server/db/createDatabase.js';
import { migrate } from '../server/db/migrate.js';
import { addMembership, upsertOrganization } from '../server/db/repositories/organizations.js';
import { requestStatistics } from '../server/db/repositories/statistics.js';
import { monthsBefore } from '../server/db/repositories/statisticsCalendar.js';
import { ClosedPeriods } from '../server/db/repositories/statisticsClosedPeriods.js';
import { secondsSql } from '../server/db/repositories/statisticsSql.js';
import { createUser } from '../server/db/repositories/users.js';
import { listeningBenchApp, signedIn } from './benchApp.js';
import { postgresAvailable, postgresUrl } from '../test/helpers/postgres.js';

type Row = [string, string, string];

const DAY = 86_400;
const YEARS = 6;
/** Ten slots: the definitions' shares of the requests. */
const DEFINITIONS = ['api-particulier', 'api-particulier', 'api-particulier', 'api-entreprise', 'api-entreprise', 'api-entreprise', 'france-connect', 'france-connect', 'api-ficoba-sandbox', 'api-ficoba'];
const DESCRIPTION = 'Calcul du tarif de la cantine et des activités périscolaires à partir du quotient familial, sans pièce justificative demandée aux familles. '.repeat(3);
const MODULUS = 1_000_003;
const PRIMES = [0, 999_331, 700_027, 500_009, 300_007, 868_771, 611_953, 433_781, 257_837];

/**
 * The generated requests' lives, the same on both databases (PostgreSQL computes them in SQL, SQLite here):
 * created over six years with a growing rate (density ∝ time, so about 31 % in the last year); 12 % never
 * submitted; submitted 10 minutes to 60 days after creation, first answered 1 hour to 45 days later; 30 % get
 * changes asked first, a quarter of which are never resubmitted, the others decided 1 to 40 days after the
 * answer; 15 % refused. Milestones after now are not reached yet, and the state follows. Draws are
 * `((g · p mod m)² mod m) / m` for a prime m: squaring breaks the lattice that `g · p mod m` alone draws, which
 * would tie a draw to the definition (g mod 10) and to the date (g), so draws for distinct primes p are spread
 * like independent uniform ones.
 */
function lifeOf(g: number, count: number, now: number) {
  const u = (k: number) => {
    const h = (g * PRIMES[k]!) % MODULUS;
    return ((h * h) % MODULUS) / MODULUS;
  };
  const logUniform = (v: number, from: number, to: number) => Math.exp(Math.log(from) + v * (Math.log(to) - Math.log(from)));
  const created = now - YEARS * 365 * DAY + YEARS * 365 * DAY * Math.sqrt(g / count);
  const submitted = u(1) < 0.12 ? null : created + logUniform(u(2), 600, 60 * DAY);
  const instructed = submitted === null ? null : submitted + logUniform(u(3), 3600, 45 * DAY);
  const changes = u(4) < 0.3;
  const decided = instructed === null ? null : changes ? (u(5) < 0.25 ? null : instructed + logUniform(u(6), DAY, 40 * DAY)) : instructed;
  const s = submitted !== null && submitted <= now ? submitted : null;
  const i = s !== null && instructed !== null && instructed <= now ? instructed : null;
  const d = i !== null && decided !== null && decided <= now ? decided : null;
  const state = s === null ? 'draft' : i === null ? 'submitted' : d === null ? 'changes_requested' : u(7) < 0.15 ? (u(8) < 0.3 ? 'archived' : 'refused') : u(8) < 0.03 ? 'revoked' : 'validated';
  return { created, submitted: s, instructed: i, decided: d, state, updated: Math.max(created + 3600, d ?? i ?? s ?? 0) };
}

/** The same lives in SQL, for `generate_series` (keep in step with lifeOf). */
function lifeSql(count: number): string {
  const h = (k: number) => `((g::bigint * ${PRIMES[k]}) % ${MODULUS})`;
  const u = (k: number) => `((${h(k)} * ${h(k)}) % ${MODULUS})::float8 / ${MODULUS}`;
  const logUniform = (v: string, from: number, to: number) => `exp(ln(${from}) + ${v} * (ln(${to}) - ln(${from})))`;
  return `select g, c, s, i, d, u7, u8 from (
      select g, c, u7, u8, s, case when s is not null and i_raw <= (:now::float8) then i_raw end as i, d_raw from (
        select g, c, u7, u8, case when s_raw <= (:now::float8) then s_raw end as s, i_raw, d_raw from (
          select g, c, u7, u8, s_raw, i_raw, case when u4 < 0.3 then (case when u5 < 0.25 then null else i_raw + ${logUniform('u6', DAY, 40 * DAY)} end) else i_raw end as d_raw from (
            select g, c, u4, u5, u6, u7, u8, s_raw, s_raw + ${logUniform('u3', 3600, 45 * DAY)} as i_raw from (
              select g, c, u3, u4, u5, u6, u7, u8, case when u1 < 0.12 then null else c + ${logUniform('u2', 600, 60 * DAY)} end as s_raw from (
                select g, (:now::float8) - ${YEARS * 365 * DAY} + ${YEARS * 365 * DAY} * sqrt(g::float8 / ${count}) as c,
                  ${[1, 2, 3, 4, 5, 6, 7, 8].map((k) => `${u(k)} as u${k}`).join(', ')}
                from generate_series(1, ${count}) g) a) b) c) e) f) h
    cross join lateral (select case when h.i is not null and h.d_raw <= (:now::float8) then h.d_raw end as d) dd`;
}

/** Insert `count` generated requests with their milestones (see lifeOf). */
export async function generateRequestLives(db: Db, count: number, organizationId: number, applicantId: number, now: number): Promise<void> {
  if (isPostgres(db)) {
    const definitions = `(array['${DEFINITIONS.join("','")}'])[1 + g % ${DEFINITIONS.length}]`;
    const state = `case when s is null then 'draft' when i is null then 'submitted' when d is null then 'changes_requested'
      when u7 < 0.15 then (case when u8 < 0.3 then 'archived' else 'refused' end) when u8 < 0.03 then 'revoked' else 'validated' end`;
    await db.raw(
      `insert into requests (definition_id, definition_version, use_case_id, state, data, version, organization_id, applicant_id, reopening, created_at, updated_at, first_submitted_at, first_instructed_at, decided_at)
       select ${definitions}, 'bench', 'libre', ${state},
              jsonb_build_object('basic_infos', jsonb_build_object('intitule', 'Projet ' || g, 'description', :description::text)), 1, :organizationId, :applicantId, false,
              to_timestamp(c), to_timestamp(greatest(c + 3600, coalesce(d, i, s, 0))), to_timestamp(s), to_timestamp(i), to_timestamp(d)
       from (${lifeSql(count)}) lives`,
      { now, description: DESCRIPTION, organizationId, applicantId },
    );
    // Autovacuum keeps a live table's visibility map set, which index-only scans need; a bulk load has not had it yet.
    await db.raw('vacuum analyze requests');
    return;
  }
  const iso = (seconds: number | null) => (seconds === null ? null : new Date(Math.round(seconds * 1000)).toISOString());
  const BATCH = 500;
  await db.transaction(async (tx) => {
    for (let start = 1; start <= count; start += BATCH) {
      const batch = [];
      for (let g = start; g < Math.min(count + 1, start + BATCH); g++) {
        const life = lifeOf(g, count, now);
        batch.push({
          definition_id: DEFINITIONS[g % DEFINITIONS.length],
          definition_version: 'bench',
          use_case_id: 'libre',
          state: life.state,
          data: JSON.stringify({ basic_infos: { intitule: `Projet ${g}`, description: DESCRIPTION } }),
          version: 1,
          organization_id: organizationId,
          applicant_id: applicantId,
          reopening: false,
          created_at: iso(life.created),
          updated_at: iso(life.updated),
          first_submitted_at: iso(life.submitted),
          first_instructed_at: iso(life.instructed),
          decided_at: iso(life.decided),
        });
      }
      await tx('requests').insert(batch);
    }
  });
  await db.raw('analyze');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** `runs` sequential calls after two warm-up calls: p50 and p95 in milliseconds. */
async function timed(runs: number, call: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** percentile_cont over every value. */
function exactPercentile(sorted: number[], p: number): number {
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  return sorted[low]! + (position - low) * (sorted[Math.ceil(position)]! - sorted[low]!);
}

/**
 * The statistics pages over `count` generated requests: the first load, then p50/p95 over HTTP of `/stats`
 * (every definition, then one) and of `/admin/statistiques` signed in as an admin, which read again only the
 * current month and week; beside them the bare queries (requestStatistics) reading every period each time or
 * not, and, for the precision of the histograms, the exact percentiles of one duration over every value.
 */
export async function statisticsPage(registry: Registry, rows: Row[], database: { name: string; url?: string }, count = 1_000_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'datapass-stats-bench-'));
  const sqliteFile = join(dir, 'bench.sqlite');
  const db = database.url ? createDatabase({ url: database.url, poolMax: 20 }) : createDatabase({ sqliteFile });
  const reads = createReadDatabase(db, { sqliteFile });
  let server: Server | undefined;
  try {
    await migrate(db);
    const now = new Date();
    const organizationId = await upsertOrganization(db, { siret: '21920023500014', name: 'Commune de Clamart', closed: false, inseePayload: {} }, now);
    const applicantId = await createUser(db, { email: 'applicant@bench.fr' }, now);
    await createUser(db, { email: 'admin@bench.fr', roles: ['admin'] }, now);
    await addMembership(db, applicantId, organizationId, now);
    const t0 = performance.now();
    await generateRequestLives(db, count, organizationId, applicantId, Math.floor(now.getTime() / 1000));
    const generated = (performance.now() - t0) / 1000;

    const ctx: AppContext = { db, reads, registry, clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
    const started = await listeningBenchApp(ctx);
    server = started.server;
    const baseUrl = started.baseUrl;
    const { cookie } = await signedIn(baseUrl, 'admin@bench.fr');
    const page = (path: string, headers: Record<string, string> = {}) => async () => {
      const response = await fetch(baseUrl + path, { headers: { accept: 'text/html', ...headers } });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${html.slice(0, 300)}`);
    };
    const c0 = performance.now();
    await page('/stats')();
    const cold = performance.now() - c0;
    const all = await timed(10, page('/stats'));
    const one = await timed(10, page('/stats?definition=api-particulier'));
    const admin = await timed(10, page('/admin/statistiques', { cookie }));
    const bare = await timed(10, () => requestStatistics(reads, { now: new Date() }));
    const bareOne = await timed(10, () => requestStatistics(reads, { now: new Date(), definitionId: 'api-particulier' }));
    const closedPeriods = new ClosedPeriods();
    const kept = await timed(10, () => requestStatistics(reads, { now: new Date(), closedPeriods }));
    const n = count.toLocaleString('en');
    rows.push([`statistics page /stats, ${database.name}, ${n} requests, every definition`, `p95 ${all.p95.toFixed(0)} ms`, `p50 ${all.p50.toFixed(0)} ms (target < 1000 ms): months and weeks over kept from the first load; ${n} rows generated in ${generated.toFixed(0)} s`]);
    rows.push([`  the first load: every period read, cold caches`, `${cold.toFixed(0)} ms`, '']);
    rows.push([`  /stats?definition=api-particulier`, `p95 ${one.p95.toFixed(0)} ms`, `p50 ${one.p50.toFixed(0)} ms`]);
    rows.push([`  /admin/statistiques, signed-in admin`, `p95 ${admin.p95.toFixed(0)} ms`, `p50 ${admin.p50.toFixed(0)} ms`]);
    rows.push([`  baseline: the bare queries, every period read each time, every definition`, `p95 ${bare.p95.toFixed(0)} ms`, `p50 ${bare.p50.toFixed(0)} ms (requestStatistics without closed periods, no HTTP)`]);
    rows.push([`  baseline: the same, one definition`, `p95 ${bareOne.p95.toFixed(0)} ms`, `p50 ${bareOne.p50.toFixed(0)} ms`]);
    rows.push([`  baseline: the bare queries, months and weeks over kept, every definition`, `p95 ${kept.p95.toFixed(0)} ms`, `p50 ${kept.p50.toFixed(0)} ms`]);
    await precision(reads, rows, now);
  } finally {
    server?.closeAllConnections();
    if (server) await new Promise((r) => server!.close(r));
    if (reads !== db) await reads.destroy();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The histograms' percentiles beside exact ones over every value (percentile_cont on PostgreSQL, timed). */
async function precision(db: Db, rows: Row[], now: Date): Promise<void> {
  const since = monthsBefore(now).toISOString();
  const stats = await requestStatistics(db, { now });
  const { median, p80, count } = stats.durations.decision.all;
  const error = (estimate: number | undefined, exact: number) => `${(((estimate ?? NaN) - exact) / exact * 100).toFixed(3)} %`;
  const days = (seconds: number | undefined) => `${((seconds ?? NaN) / 86_400).toFixed(3)} d`;
  if (isPostgres(db)) {
    const t0 = performance.now();
    const result = await db.raw(`select percentile_cont(array[0.5, 0.8]) within group (order by ${secondsSql('decision', true)}) as p from requests where decided_at >= ?`, [since]);
    const time = performance.now() - t0;
    const [exactMedian, exactP80] = result.rows[0].p as number[];
    rows.push([`  baseline: percentile_cont, exact, submission → decision, every definition`, `${time.toFixed(0)} ms`, `one duration, no definition breakdown; median ${days(exactMedian)}, p80 ${days(exactP80)} over ${count.toLocaleString('en')} decisions: the histogram's are off by ${error(median, exactMedian!)} and ${error(p80, exactP80!)}`]);
    return;
  }
  const values = ((await db.raw(`select ${secondsSql('decision', false)} as s from requests where decided_at >= ?`, [since])) as { s: number }[]).map((r) => r.s).sort((a, b) => a - b);
  const [exactMedian, exactP80] = [exactPercentile(values, 0.5), exactPercentile(values, 0.8)];
  rows.push([`  precision: submission → decision, every definition`, `${count.toLocaleString('en')}`, `decisions; exact median ${days(exactMedian)}, p80 ${days(exactP80)} (over every value): the histogram's are off by ${error(median, exactMedian)} and ${error(p80, exactP80)}`]);
}

/** A demo sign-in: the session cookie. */
/** The `stats` section of `npm run bench`: SQLite, then PostgreSQL when available; `BENCH_STATS_ROWS` requests (default 1,000,000). */
export async function statisticsSection(registry: Registry, rows: Row[]): Promise<void> {
  const count = Number(process.env.BENCH_STATS_ROWS ?? 1_000_000);
  await statisticsPage(registry, rows, { name: 'SQLite' }, count);
  const postgres = postgresAvailable();
  if (postgres.ok) await statisticsPage(registry, rows, { name: 'PostgreSQL', url: await postgresUrl() }, count);
  else rows.push(['statistics page, PostgreSQL', 'skipped', postgres.reason]);
}
