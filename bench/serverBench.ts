import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Registry } from '../engine/index.js';
import type { AppContext, Caller } from '../server/AppContext.js';
import { createDatabase, createReadDatabase, isPostgres, type Db } from '../server/db/createDatabase.js';
import { migrate } from '../server/db/migrate.js';
import { listRequests } from '../server/db/repositories/requests.js';
import { addMembership, upsertOrganization } from '../server/db/repositories/organizations.js';
import { createUser } from '../server/db/repositories/users.js';
import { createApp } from '../server/http/createApp.js';

export type Row = [string, string, string];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Bench {
  ctx: AppContext;
  baseUrl: string;
  applicant: Caller;
  cookie(email: string): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

async function startBench(db: Db, reads: Db, registry: Registry, cleanup: () => void): Promise<Bench> {
  await migrate(db);
  const now = new Date();
  const org = await upsertOrganization(db, { siret: '21920023500014', name: 'Commune de Clamart', closed: false, inseePayload: {} }, now);
  const applicantId = await createUser(db, { email: 'applicant@bench.fr' }, now);
  await createUser(db, { email: 'instructor@bench.fr', roles: ['dinum:*:instructor'] }, now).catch(() => undefined);
  await addMembership(db, applicantId, org, now);
  const ctx: AppContext = { db, reads, registry, clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
  // The bench signs in on the demo page, which createApp refuses when NODE_ENV=production (set by `npm run
  // bench` for React's production build): the check is lifted for this one call.
  const environment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  const app = createApp(ctx, { sessionSecret: 'bench', demoSignIn: true, rateLimits: { signIn: 1e9, writes: 1e9 } });
  if (environment === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = environment;
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ctx,
    baseUrl,
    applicant: { userId: applicantId, roles: [], organizationId: org },
    cookie: (email) => signedIn(baseUrl, email),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (reads !== db) await reads.destroy();
      await db.destroy();
      cleanup();
    },
  };
}

/** A demo sign-in: the session cookie and its CSRF token. */
async function signedIn(baseUrl: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const first = await fetch(`${baseUrl}/api/csrf`);
  let cookie = first.headers.get('set-cookie')!.split(';')[0]!;
  const { token } = (await first.json()) as { token: string };
  const signIn = await fetch(`${baseUrl}/auth/demo`, { method: 'POST', headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ email }) });
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await (await fetch(`${baseUrl}/api/csrf`, { headers: { cookie } })).json()) as { token: string }).token;
  return { cookie, csrf };
}

/** Run `count` calls with `concurrency` in flight; per-call latencies and the total time. */
async function load(count: number, concurrency: number, call: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        const response = await call(i);
        await response.arrayBuffer();
        if (!response.ok) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), failures };
}

/** Submit throughput on the embedded SQLite database, durable commits, 50 connections; the server in its own process. */
export async function submitThroughput(rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'datapass-bench-'));
  const COUNT = 3000;
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), '--import', 'tsx', join(import.meta.dirname, 'benchServer.ts')], {
    // The load generator signs in on the demo page, which the app refuses to mount when NODE_ENV=production.
    env: { ...process.env, NODE_ENV: 'development', SQLITE_FILE: join(dir, 'bench.sqlite'), BENCH_REQUESTS: String(COUNT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ready = await new Promise<{ port: number; requests: { id: string; version: number }[]; commitsPerSecond: number }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      child.on('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    });
    const baseUrl = `http://127.0.0.1:${ready.port}`;
    const { cookie, csrf } = await signedIn(baseUrl, 'applicant@bench.fr');
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', accept: 'application/json' };
    const health = await load(COUNT, 50, () => fetch(`${baseUrl}/healthz`));
    const submit = await load(COUNT, 50, (i) => fetch(`${baseUrl}/api/requests/${ready.requests[i]!.id}/events/submit`, { method: 'POST', headers, body: JSON.stringify({ version: ready.requests[i]!.version }) }));
    rows.push([`submit endpoint, SQLite (WAL, synchronous=FULL), 50 connections, ${COUNT} submits`, `${submit.perSecond.toFixed(0)}/s`, `p50 ${submit.p50.toFixed(1)} ms, p99 ${submit.p99.toFixed(1)} ms, ${submit.failures} failed (target ≥ 1000/s, p99 < 100 ms)`]);
    rows.push(['  baseline: GET /healthz (HTTP + one query), 50 connections', `${health.perSecond.toFixed(0)}/s`, `p99 ${health.p99.toFixed(1)} ms`]);
    rows.push(['  baseline: one durable SQLite commit after another, no HTTP', `${ready.commitsPerSecond.toFixed(0)}/s`, 'a submit is one transaction of about ten statements']);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Generate `count` requests straight into the database, spread over definitions, states and months. */
async function generateRequests(db: Db, count: number, organizationId: number, applicantId: number): Promise<void> {
  const definitions = ['api-particulier', 'api-entreprise', 'france-connect', 'api-ficoba-sandbox'];
  const states = ['draft', 'submitted', 'changes_requested', 'validated', 'refused', 'archived'];
  const base = Date.parse('2020-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - base;
  if (isPostgres(db)) {
    await db.raw(
      `insert into requests (definition_id, definition_version, use_case_id, state, data, version, organization_id, applicant_id, reopening, created_at, updated_at)
       select (array['${definitions.join("','")}'])[1 + (g % ${definitions.length})], 'bench', 'libre', (array['${states.join("','")}'])[1 + ((g / 7) % ${states.length})],
              jsonb_build_object('basic_infos', jsonb_build_object('intitule', 'Projet ' || g)), 1, ?, ?, false,
              to_timestamp(? + (g::bigint * ?) / ${count}), to_timestamp(? + (g::bigint * ?) / ${count} + 3600)
       from generate_series(1, ${count}) g`,
      [organizationId, applicantId, base / 1000, span / 1000, base / 1000, span / 1000],
    );
    await db.raw('analyze requests');
    return;
  }
  const BATCH = 500;
  await db.transaction(async (tx) => {
    for (let start = 0; start < count; start += BATCH) {
      const batch = [];
      for (let g = start; g < Math.min(count, start + BATCH); g++) {
        const created = new Date(base + Math.floor((g * span) / count));
        batch.push({
          definition_id: definitions[g % definitions.length],
          definition_version: 'bench',
          use_case_id: 'libre',
          state: states[Math.floor(g / 7) % states.length],
          data: JSON.stringify({ basic_infos: { intitule: `Projet ${g}` } }),
          version: 1,
          organization_id: organizationId,
          applicant_id: applicantId,
          reopening: false,
          created_at: created.toISOString(),
          updated_at: new Date(created.getTime() + 3_600_000).toISOString(),
        });
      }
      await tx('requests').insert(batch);
    }
  });
  await db.raw('analyze');
}

/** The instruction list with filters over a million generated requests: p95 over HTTP, beside the bare query. */
export async function instructionListing(registry: Registry, rows: Row[], database: { name: string; url?: string }, count = 1_000_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'datapass-bench-'));
  const db = database.url ? createDatabase({ url: database.url, poolMax: 20 }) : createDatabase({ sqliteFile: join(dir, 'bench.sqlite') });
  const bench = await startBench(db, createReadDatabase(db, { sqliteFile: join(dir, 'bench.sqlite') }), registry, () => rmSync(dir, { recursive: true, force: true }));
  try {
    const t0 = performance.now();
    await generateRequests(db, count, bench.applicant.organizationId!, bench.applicant.userId);
    const generated = (performance.now() - t0) / 1000;
    const { cookie } = await bench.cookie('instructor@bench.fr');
    const states = ['submitted', 'changes_requested', 'validated', 'draft'];
    const definitions = ['api-particulier', 'api-entreprise', 'france-connect'];
    const filters = (i: number) => `definition=${definitions[i % definitions.length]}&state=${states[i % states.length]}`;
    // First pages and deep pages (following cursors) alike.
    const cursors: string[] = [];
    for (let i = 0; i < 12; i++) {
      let path = `/api/requests?scope=instruction&${filters(i)}&limit=50`;
      for (let page = 0; page < 20; page++) {
        const body = (await (await fetch(bench.baseUrl + path, { headers: { cookie, accept: 'application/json' } })).json()) as { next: string | null };
        if (!body.next) break;
        path = `/api/requests?scope=instruction&${filters(i)}&limit=50&after=${body.next}`;
      }
      cursors.push(path);
    }
    const http = await load(400, 1, (i) => fetch(bench.baseUrl + (i % 2 ? cursors[i % cursors.length]! : `/api/requests?scope=instruction&${filters(i)}&limit=50`), { headers: { cookie, accept: 'application/json' } }));
    const bare: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t = performance.now();
      await listRequests(db, { definitionIds: [definitions[i % definitions.length]!], state: states[i % states.length]!, limit: 50 });
      bare.push(performance.now() - t);
    }
    bare.sort((a, b) => a - b);
    rows.push([`instruction list, ${database.name}, ${count.toLocaleString('en')} requests, filters (first and 20th pages)`, `p95 ${http.p95.toFixed(1)} ms`, `p50 ${http.p50.toFixed(1)} ms (target p95 < 50 ms); ${count.toLocaleString('en')} rows generated in ${generated.toFixed(0)} s`]);
    rows.push([`  baseline: the same query through knex, no HTTP`, `p95 ${percentile(bare, 95).toFixed(1)} ms`, `p50 ${percentile(bare, 50).toFixed(1)} ms`]);
  } finally {
    await bench.close();
  }
}
