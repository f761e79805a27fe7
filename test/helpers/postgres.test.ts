import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from './paths.js';
import { postgresServer, postgresUrl, requirePostgres } from './postgres.js';

/** Alive and not a zombie waiting for a parent that never reaps it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function within(ms: number, condition: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function publicTables(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  });
}

/** Runs the harness in a child process; `script` gets `h` (the helper module) and `print(value)`. */
function child(script: string): { lines: AsyncGenerator<unknown>; done: Promise<number | null>; pid: number } {
  const helper = pathToFileURL(join(ROOT, 'test', 'helpers', 'postgres.ts')).href;
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const h = await import(${JSON.stringify(helper)});
       const print = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
       ${script}`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const done = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  async function* lines(): AsyncGenerator<unknown> {
    let buffer = '';
    for await (const chunk of proc.stdout) {
      buffer += String(chunk);
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        yield JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
      }
    }
  }
  return { lines: lines(), done, pid: proc.pid! };
}

describe('test/helpers/postgres: a real throwaway PostgreSQL', function () {
  this.timeout(60_000);
  let url: string;

  before(async function () {
    requirePostgres(this);
    url = await postgresUrl();
  });

  it('runs a real server on 127.0.0.1 and hands out a fresh database URL', async function () {
    const server = await postgresServer();
    assert.match(url, new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:${server.port}/datapass_test_\\d+$`));
    assert.ok(server.versionNum >= 100000, `version ${server.versionNum}`);
    assert.ok(alive(server.pid));
    assert.ok(existsSync(join(server.dataDir, 'PG_VERSION')));
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ version: string; listen: string; encoding: string }>(
        `SELECT version(), current_setting('listen_addresses') AS listen, pg_encoding_to_char(encoding) AS encoding
           FROM pg_database WHERE datname = current_database()`,
      );
      assert.match(rows[0]!.version, /^PostgreSQL \d+/);
      assert.equal(rows[0]!.listen, '127.0.0.1');
      assert.equal(rows[0]!.encoding, 'UTF8');
    });
  });

  it('creates a table, writes and reads it back (UTF-8 text, JSON, timestamps)', async function () {
    await withClient(url, async (client) => {
      await client.query(
        `CREATE TABLE habilitations (id serial PRIMARY KEY, intitule text NOT NULL, data jsonb, created_at timestamptz DEFAULT now())`,
      );
      await client.query(`INSERT INTO habilitations (intitule, data) VALUES ($1, $2), ($3, $4)`, [
        'Quotient familial — Mairie de Saint-Étienne',
        { scopes: ['cnaf_quotient_familial'] },
        'Marchés publics',
        { scopes: [] },
      ]);
      const { rows } = await client.query<{ id: number; intitule: string; data: { scopes: string[] }; upper: string }>(
        `SELECT id, intitule, data, upper(intitule) AS upper FROM habilitations ORDER BY id`,
      );
      assert.deepEqual(
        rows.map((row) => [row.id, row.intitule, row.data.scopes]),
        [
          [1, 'Quotient familial — Mairie de Saint-Étienne', ['cnaf_quotient_familial']],
          [2, 'Marchés publics', []],
        ],
      );
      assert.equal(rows[0]!.upper, 'QUOTIENT FAMILIAL — MAIRIE DE SAINT-ÉTIENNE');
    });
  });

  it('gives each call its own empty database', async function () {
    const [a, b] = [await postgresUrl(), await postgresUrl()];
    assert.notEqual(a, b);
    assert.notEqual(a, url);
    assert.deepEqual(await publicTables(a), []);
    assert.deepEqual(await publicTables(b), []);
    await withClient(a, (client) => client.query('CREATE TABLE only_in_a (x int)'));
    assert.deepEqual(await publicTables(a), ['only_in_a']);
    assert.deepEqual(await publicTables(b), []);
    assert.ok(!(await publicTables(b)).includes('habilitations'));
  });

  it('creates databases concurrently, all distinct', async function () {
    const urls = await Promise.all(Array.from({ length: 10 }, () => postgresUrl()));
    assert.equal(new Set(urls).size, 10);
    for (const each of urls) assert.deepEqual(await publicTables(each), []);
  });

  it('runs with the fast, unsafe settings and room for concurrency', async function () {
    await withClient(url, async (client) => {
      for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
        const { rows } = await client.query(`SHOW ${setting}`);
        assert.equal(rows[0]?.[setting], 'off', setting);
      }
      const { rows } = await client.query<{ max_connections: string }>('SHOW max_connections');
      assert.ok(Number(rows[0]!.max_connections) >= 200);
    });
  });

  it('serves 20 clients at once', async function () {
    await withClient(url, (client) => client.query('CREATE TABLE hits (client int, n int, UNIQUE (client, n))'));
    const clients = Array.from({ length: 20 }, () => new pg.Client({ connectionString: url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const pids = await Promise.all(
        clients.map(async (client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid),
      );
      assert.equal(new Set(pids).size, 20, 'twenty distinct backends');
      await withClient(url, async (observer) => {
        const { rows } = await observer.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        assert.ok(Number(rows[0]!.n) >= 20, `${rows[0]!.n} other sessions`);
      });
      // Each client runs its own transaction, all of them overlapping.
      await Promise.all(
        clients.map(async (client, i) => {
          await client.query('BEGIN');
          for (let n = 0; n < 10; n++) await client.query('INSERT INTO hits VALUES ($1, $2)', [i, n]);
          await client.query('SELECT pg_sleep(0.05)');
          await client.query('COMMIT');
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: string; c: string }>(
        'SELECT count(*) AS n, count(DISTINCT client) AS c FROM hits',
      );
      assert.deepEqual(rows[0], { n: '200', c: '20' });
    });
  });

  it('stops on stopPostgres(), restarts on the next call, and cleans up when the process exits', async function () {
    const run = child(`
      const first = await h.postgresServer();
      await h.postgresUrl();
      await h.stopPostgres();
      print(first);
      const url = await h.postgresUrl();
      print(await h.postgresServer());
      print(url);
    `);
    const first = (await run.lines.next()).value as { pid: number; dataDir: string };
    assert.ok(!alive(first.pid), 'stopPostgres() stopped the server');
    assert.ok(!existsSync(first.dataDir), 'stopPostgres() deleted its directory');
    const second = (await run.lines.next()).value as { pid: number; dataDir: string; port: number };
    assert.notEqual(second.pid, first.pid);
    const secondUrl = (await run.lines.next()).value as string;
    assert.match(secondUrl, new RegExp(`:${second.port}/datapass_test_2$`));
    assert.equal(await run.done, 0);
    assert.ok(!alive(second.pid), 'the exit handler stopped the server');
    assert.ok(!existsSync(second.dataDir), 'the exit handler deleted its directory');
  });

  it('cleans up even when the process is killed (SIGKILL: no exit handler runs)', async function () {
    const run = child(`
      await h.postgresUrl();
      print(await h.postgresServer());
      setInterval(() => {}, 1000);
    `);
    const server = (await run.lines.next()).value as { pid: number; dataDir: string };
    assert.ok(alive(server.pid));
    process.kill(run.pid, 'SIGKILL');
    await run.done;
    assert.ok(await within(5_000, () => !alive(server.pid)), 'the watchdog stopped the server');
    assert.ok(await within(5_000, () => !existsSync(server.dataDir)), 'the watchdog deleted its directory');
  });
});
