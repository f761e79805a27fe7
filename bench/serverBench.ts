import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { listeningBenchApp, signedIn } from './benchApp.js';

export type Row = [string, string, string];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Bench {
  ctx: AppContext;
  baseUrl: string;
  applicant: Caller;
  cookie(email: string): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

async function startBench(db: Db, reads: Db, registry: Registry, cleanup: () => void, migrateUpTo?: string): Promise<Bench> {
  await migrate(db, migrateUpTo ? { upTo: migrateUpTo } : {});
  const now = new Date();
  const org = await upsertOrganization(db, { siret: '21920023500014', name: 'Commune de Clamart', closed: false, inseePayload: {} }, now);
  const applicantId = await createUser(db, { email: 'applicant@bench.fr' }, now);
  await createUser(db, { email: 'instructor@bench.fr', roles: ['dinum:*:instructor'] }, now).catch(() => undefined);
  await addMembership(db, applicantId, org, now);
  const ctx: AppContext = { db, reads, registry, clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
  const { server, baseUrl } = await listeningBenchApp(ctx);
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

/** A deterministic pseudo-random generator (mulberry32), so that every run generates the same SQLite data. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The words of the generated requests, most frequent first: French words of the domain (accents included),
 * then made-up words for the long tail. Drawn log-uniformly (rank r about as often as 1/r), the first word is
 * in about two requests in three, a word of rank 100 in 1.5 %, of rank 1,000 in 0.15 %: frequent and rare
 * words alike, as in real requests.
 */
const VOCABULARY: string[] = (() => {
  const head = `tarification cantine élève scolaire quotient familial restauration périscolaire crèche bourse étudiant logement
    social aide municipale enfance jeunesse transport handicap santé médecin hôpital retraite emploi formation entreprise marché
    public subvention association culture sport piscine bibliothèque médiathèque musée école collège lycée université recherche
    impôt fiscal revenu foyer déclaration allocation prestation insertion solidarité énergie chèque eau assainissement déchets
    urbanisme permis construire civil naissance mariage décès élection électorale recensement vaccination garderie centre loisirs
    été vacances séjour colonie inscription dossier démarche téléservice portail usager citoyen identité vérification contrôle
    fraude paiement facturation tarif réduction gratuité exonération barème calcul dégressif ménage parent enfant famille nombreuse
    isolé âgé dépendance autonomie conservatoire musique danse théâtre stationnement résidentiel véhicule carte grise péage
    déménagement adresse domicile justificatif attestation échéancier créance trésorerie comptabilité budget régie recette`.split(/\s+/).filter(Boolean);
  const syllables = ['ba', 'cé', 'di', 'fo', 'gu', 'la', 'mé', 'ni', 'po', 'ru', 'sa', 'té', 'vi', 'zo', 'cha', 'lou', 'rè', 'gan', 'tin', 'mor', 'pé', 'qui', 'bre', 'stu'];
  const random = seeded(7);
  const words = new Set(head);
  while (words.size < head.length + 3000) {
    let word = '';
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  return [...words];
})();

/** The organisations requests are spread over (a few, each with its applicant). */
const ORGANIZATIONS = ['Commune de Clamart', 'Commune de Poitiers', 'Mairie de Lyon', 'Ville de Marseille', 'Commune de Saint-Étienne', 'Département de la Gironde', 'Région Île-de-France', 'Université de Bordeaux', 'Centre communal d’action sociale de Nantes', 'Commune de Besançon', 'Métropole de Montpellier', 'Commune d’Évry-Courcouronnes', 'Syndicat des eaux du Léman', 'Caisse des écoles de Rennes', 'Commune de Fréjus', 'Communauté d’agglomération du Pays Basque', 'Commune de Nîmes', 'Département du Nord', 'Commune de Sète', 'Office public de l’habitat de Reims'];
const PEOPLE = ['Agnès Dupré', 'Benoît Lefèvre', 'Chloé Martin', 'Damien Rousseau', 'Élodie Garnier', 'François Müller', 'Gaëlle Bonnet', 'Hélène Faure', 'Inès Chevalier', 'Jérôme Lemaître', 'Karim Benali', 'Léa Girard', 'Mathéo Perrin', 'Noémie Robin', 'Océane Masson', 'Pierre-Yves Noël', 'Quentin Bérard', 'Rémi Caron', 'Sophie Lacroix', 'Thérèse Dumas'];
const GENERATED_DEFINITIONS = ['api-particulier', 'api-entreprise', 'france-connect', 'api-ficoba-sandbox'];
const GENERATED_STATES = ['draft', 'submitted', 'changes_requested', 'validated', 'refused', 'archived'];
/**
 * The organisation of generated request g: a multiplicative hash, so that every organisation has requests of
 * every definition in every state (g modulo small numbers would tie them together).
 */
const OWNER_OF_G = `((g::bigint * 2654435761) % 4294967296) * ${ORGANIZATIONS.length} / 4294967296`;
/** Words in the title, then in the description, of a generated request. */
const TITLE_WORDS = 4;
const DESCRIPTION_WORDS = 10;

/** The organisations, and a member of each who applies for its requests. */
async function generatedOwners(db: Db): Promise<{ organizationIds: number[]; applicantIds: number[] }> {
  const now = new Date();
  const organizationIds: number[] = [];
  const applicantIds: number[] = [];
  for (const [i, name] of ORGANIZATIONS.entries()) {
    // Sirene-like SIRETs: 14 digits, one per establishment.
    organizationIds.push(await upsertOrganization(db, { siret: String(21000000000000 + i * 1_000_017), name, closed: false, inseePayload: {} }, now));
    const [givenName, ...family] = PEOPLE[i]!.split(' ');
    const email = `${givenName}.${family.join('-')}@organisation-${i}.fr`.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
    applicantIds.push(await createUser(db, { email, givenName: givenName!, familyName: family.join(' ') }, now));
    await addMembership(db, applicantIds[i]!, organizationIds[i]!, now);
  }
  return { organizationIds, applicantIds };
}

/**
 * Generate `count` requests straight into the database, spread over definitions, states, months and
 * organisations, each with a title and a description drawn from VOCABULARY; one in a hundred validated
 * requests gets an authorization. The search documents are not written here: the migration that follows
 * (002) backfills them, as it would in production.
 */
async function generateRequests(db: Db, count: number, owners: { organizationIds: number[]; applicantIds: number[] }): Promise<void> {
  const base = Date.parse('2020-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - base;
  const n = VOCABULARY.length;
  if (isPostgres(db)) {
    // floor(exp(u · ln(n + 1))) is log-uniform on 1..n: PostgreSQL arrays start at 1.
    const word = `v.words[floor(exp(random() * ln(${n + 1})))::int]`;
    const words = (k: number) => Array.from({ length: k }, () => word).join(` || ' ' || `);
    await db.raw('select setseed(0.42)');
    await db.raw(
      `insert into requests (definition_id, definition_version, use_case_id, state, data, version, organization_id, applicant_id, reopening, created_at, updated_at)
       select (array['${GENERATED_DEFINITIONS.join("','")}'])[1 + (g % ${GENERATED_DEFINITIONS.length})], 'bench', 'libre', (array['${GENERATED_STATES.join("','")}'])[1 + ((g / 7) % ${GENERATED_STATES.length})],
              jsonb_build_object('basic_infos', jsonb_build_object('intitule', ${words(TITLE_WORDS)}, 'description', ${words(DESCRIPTION_WORDS)})), 1,
              (?::int[])[1 + ${OWNER_OF_G}], (?::int[])[1 + ${OWNER_OF_G}], g % 50 = 0,
              to_timestamp(? + (g::bigint * ?) / ${count}), to_timestamp(? + (g::bigint * ?) / ${count} + 3600)
       from generate_series(1, ${count}) g, (select ?::text[] as words) v`,
      [owners.organizationIds, owners.applicantIds, base / 1000, span / 1000, base / 1000, span / 1000, VOCABULARY],
    );
    await db.raw(
      `insert into authorizations (request_id, engine_key, definition_id, organization_id, applicant_id, data, state, created_at)
       select id, id || '/1', definition_id, organization_id, applicant_id, '{}'::jsonb, 'active', updated_at from requests where state = 'validated' and id % 100 = 0`,
    );
    await db.raw('analyze');
    return;
  }
  const random = seeded(42);
  const words = (k: number) => Array.from({ length: k }, () => VOCABULARY[Math.floor(Math.exp(random() * Math.log(n + 1))) - 1]!).join(' ');
  const BATCH = 500;
  await db.transaction(async (tx) => {
    for (let start = 0; start < count; start += BATCH) {
      const batch = [];
      for (let g = start; g < Math.min(count, start + BATCH); g++) {
        const created = new Date(base + Math.floor((g * span) / count));
        const owner = Math.floor(((g * 2654435761) % 4294967296) * ORGANIZATIONS.length / 4294967296);
        batch.push({
          definition_id: GENERATED_DEFINITIONS[g % GENERATED_DEFINITIONS.length],
          definition_version: 'bench',
          use_case_id: 'libre',
          state: GENERATED_STATES[Math.floor(g / 7) % GENERATED_STATES.length],
          data: JSON.stringify({ basic_infos: { intitule: words(TITLE_WORDS), description: words(DESCRIPTION_WORDS) } }),
          version: 1,
          organization_id: owners.organizationIds[owner],
          applicant_id: owners.applicantIds[owner],
          reopening: g % 50 === 0,
          created_at: created.toISOString(),
          updated_at: new Date(created.getTime() + 3_600_000).toISOString(),
        });
      }
      await tx('requests').insert(batch);
    }
    await tx.raw(
      `insert into authorizations (request_id, engine_key, definition_id, organization_id, applicant_id, data, state, created_at)
       select id, id || '/1', definition_id, organization_id, applicant_id, '{}', 'active', updated_at from requests where state = 'validated' and id % 100 = 0`,
    );
  });
  await db.raw('analyze');
}

/** The searches an instructor types, of every kind: frequent, rare and accented words, names, SIRETs, e-mails, identifiers. */
async function benchSearches(db: Db): Promise<{ kind: string; q: string }[]> {
  const random = seeded(3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const rank = (from: number, to: number) => VOCABULARY[from + Math.floor(random() * (to - from))]!;
  const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '');
  const [maxRequest] = (await db('requests').max({ id: 'id' })) as [{ id: number }];
  const authorizationIds = (await db('authorizations').orderBy('id').limit(500).pluck('id')).map(Number);
  const people = await db('users').whereLike('email', '%@organisation-%').pluck('email');
  const organizations = await db('organizations').select('name', 'siret');
  const searches: { kind: string; q: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const organization = pick(organizations);
    searches.push(
      { kind: 'a frequent word', q: rank(0, 10) },
      { kind: 'a common word', q: rank(10, 100) },
      { kind: 'a rare word', q: rank(500, VOCABULARY.length) },
      { kind: 'two words', q: `${rank(0, 60)} ${rank(20, 300)}` },
      { kind: 'a word typed without its accents', q: fold(pick(VOCABULARY.slice(0, 150).filter((w) => w !== fold(w)))) },
      { kind: 'the start of a word', q: rank(30, 150).slice(0, 4) },
      { kind: 'an organisation name', q: String(organization.name).split(/[ ’-]/).pop()! },
      { kind: 'a SIRET', q: String(organization.siret) },
      { kind: 'an e-mail', q: pick(people) },
      { kind: 'a D id', q: `D${1 + Math.floor(random() * Number(maxRequest.id))}` },
      { kind: 'an H id', q: `H${pick(authorizationIds)}` },
    );
  }
  return searches;
}

/** The instruction list with filters, then with a text search, over a million generated requests: p95 over HTTP, beside the bare query. */
export async function instructionListing(registry: Registry, rows: Row[], database: { name: string; url?: string }, count = 1_000_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'datapass-bench-'));
  const db = database.url ? createDatabase({ url: database.url, poolMax: 20 }) : createDatabase({ sqliteFile: join(dir, 'bench.sqlite') });
  // The database as it was before the search (001): generated, then migrated, to time the backfill at this size.
  const bench = await startBench(db, createReadDatabase(db, { sqliteFile: join(dir, 'bench.sqlite') }), registry, () => rmSync(dir, { recursive: true, force: true }), '001_initial');
  try {
    const t0 = performance.now();
    await generateRequests(db, count, await generatedOwners(db));
    const generated = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await migrate(db, { upTo: '002_request_search' });
    await db.raw('analyze');
    const migrated = (performance.now() - t1) / 1000;
    // The migrations after the search's, untimed.
    await migrate(db);
    const { cookie } = await bench.cookie('instructor@bench.fr');
    const get = (path: string) => fetch(bench.baseUrl + path, { headers: { cookie, accept: 'application/json' } });
    const states = ['submitted', 'changes_requested', 'validated', 'draft'];
    const definitions = ['api-particulier', 'api-entreprise', 'france-connect'];
    const filters = (i: number) => `definition=${definitions[i % definitions.length]}&state=${states[i % states.length]}`;
    // First pages and deep pages (following cursors) alike.
    const deepPages = async (first: string, pages: number) => {
      let path = first;
      for (let page = 0; page < pages; page++) {
        const body = (await (await get(path)).json()) as { next: string | null };
        if (!body.next) break;
        path = `${first}&after=${body.next}`;
      }
      return path;
    };
    const cursors: string[] = [];
    for (let i = 0; i < 12; i++) cursors.push(await deepPages(`/api/requests?scope=instruction&${filters(i)}&limit=50`, 20));
    const http = await load(400, 1, (i) => get(i % 2 ? cursors[i % cursors.length]! : `/api/requests?scope=instruction&${filters(i)}&limit=50`));
    const bare: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t = performance.now();
      await listRequests(bench.ctx.reads, { definitionIds: [definitions[i % definitions.length]!], state: states[i % states.length]!, limit: 50 });
      bare.push(performance.now() - t);
    }
    bare.sort((a, b) => a - b);
    const size = count.toLocaleString('en');
    rows.push([`instruction list, ${database.name}, ${size} requests, filters (first and 20th pages)`, `p95 ${http.p95.toFixed(1)} ms`, `p50 ${http.p50.toFixed(1)} ms (target p95 < 50 ms); ${size} rows generated in ${generated.toFixed(0)} s, search backfill (migration 002) ${migrated.toFixed(0)} s`]);
    rows.push([`  baseline: the same query through knex, no HTTP`, `p95 ${percentile(bare, 95).toFixed(1)} ms`, `p50 ${percentile(bare, 50).toFixed(1)} ms`]);

    // With a text search: each kind of query, on one definition, half with a state filter, first and third pages.
    const searches = await benchSearches(db);
    const searchPath = (i: number) => {
      const { q } = searches[i % searches.length]!;
      return `/api/requests?scope=instruction&definition=${definitions[i % definitions.length]}${i % 4 < 2 ? `&state=${states[(i >> 2) % states.length]}` : ''}&q=${encodeURIComponent(q)}&limit=50`;
    };
    const searchCursors: string[] = [];
    for (let i = 0; i < searches.length; i += 4) searchCursors.push(await deepPages(searchPath(i), 2));
    const perKind = new Map<string, number[]>();
    const latencies: number[] = [];
    let failures = 0;
    for (let i = 0; i < searches.length * 2; i++) {
      const deep = i % 2 === 1;
      const t = performance.now();
      const response = await get(deep ? searchCursors[(i >> 1) % searchCursors.length]! : searchPath(i >> 1));
      await response.arrayBuffer();
      if (!response.ok) failures++;
      const ms = performance.now() - t;
      latencies.push(ms);
      const kind = deep ? 'a 3rd page' : searches[(i >> 1) % searches.length]!.kind;
      perKind.set(kind, [...(perKind.get(kind) ?? []), ms]);
    }
    latencies.sort((a, b) => a - b);
    const searched = { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
    const bareSearch: number[] = [];
    for (let i = 0; i < searches.length; i++) {
      const t = performance.now();
      const state = i % 4 < 2 ? { state: states[(i >> 2) % states.length]! } : {};
      await listRequests(bench.ctx.reads, { definitionIds: [definitions[i % definitions.length]!], ...state, q: searches[i]!.q, limit: 50 });
      bareSearch.push(performance.now() - t);
    }
    bareSearch.sort((a, b) => a - b);
    const slowest = [...perKind].map(([kind, times]) => [kind, percentile(times.sort((a, b) => a - b), 95)] as const).sort((a, b) => b[1] - a[1]).slice(0, 2);
    rows.push([`instruction list, ${database.name}, ${size} requests, text search q (${searches.length / 40} kinds, first and 3rd pages)`, `p95 ${searched.p95.toFixed(1)} ms`, `p50 ${searched.p50.toFixed(1)} ms, p99 ${searched.p99.toFixed(1)} ms (target p95 < 200 ms), ${failures} failed; slowest kinds: ${slowest.map(([k, v]) => `${k} p95 ${v.toFixed(0)} ms`).join(', ')}`]);
    rows.push([`  baseline: the same searches through knex, no HTTP (first pages)`, `p95 ${percentile(bareSearch, 95).toFixed(1)} ms`, `p50 ${percentile(bareSearch, 50).toFixed(1)} ms`]);

    // The desk's tabs: counts per state of one definition, with and without a text search.
    const counted = await load(searches.length, 1, (i) => get(`/api/requests/counts?scope=instruction&definition=${definitions[i % definitions.length]}${i % 2 ? `&q=${encodeURIComponent(searches[i]!.q)}` : ''}`));
    rows.push([`  counts per state, one definition (~${Math.round(count / 4 / 1000)}k requests), half with a text search`, `p95 ${counted.p95.toFixed(1)} ms`, `p50 ${counted.p50.toFixed(1)} ms (no target)`]);
  } finally {
    await bench.close();
  }
}
