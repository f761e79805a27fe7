/**
 * A real, throwaway PostgreSQL server for the tests: never a mock.
 *
 * `postgresUrl()` starts ONE server per process on first use (initdb into a fresh temp directory, 127.0.0.1 on
 * a free port, trust auth, fsync off) and returns the URL of a NEW empty database on each call, so suites never
 * see each other's tables. The server is stopped and its directory deleted when the process exits; a detached
 * watchdog does the same if the process is killed (SIGINT, SIGKILL) and cannot run its exit handler.
 *
 *   describe('my store on PostgreSQL', function () {
 *     let url: string;
 *     before(async function () {
 *       requirePostgres(this);          // skips outside CI when PostgreSQL is absent; an error under CI
 *       url = await postgresUrl();      // postgres://postgres@127.0.0.1:<port>/datapass_test_<n>
 *     });
 *     ...
 *   });
 *
 * Binaries: `$PG_BIN` if set, else the highest `/usr/lib/postgresql/<major>/bin` (Debian's `postgresql`
 * package), else `initdb` on the PATH. As root, `initdb` and `postgres` refuse to run, so they run as the
 * `postgres` system user (created by Debian's package) through `runuser` (or `su`).
 */
import { execFile, spawn } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';
import { requireService, type Availability } from './serviceSkip.js';

/** The database superuser initdb creates; every URL connects as it. */
const SUPERUSER = 'postgres';
/** The system account the server runs as when the tests run as root. */
const SYSTEM_USER = 'postgres';
const HOST = '127.0.0.1';
const INSTALL_HINT = 'apt-get install -y postgresql';

interface Binaries {
  dir: string;
  initdb: string;
  pg_ctl: string;
  /** Where the directory came from, for messages. */
  source: string;
}

interface RunAs {
  uid: number;
  gid: number;
  /** Wraps a command line so that it runs as the system user. */
  wrap: (command: string[]) => string[];
}

interface Tools {
  bin: Binaries;
  /** null when not root: commands run directly. */
  runAs: RunAs | null;
}

export interface PostgresServer {
  port: number;
  /** The postmaster's process id. */
  pid: number;
  /** e.g. 150014 */
  versionNum: number;
  binDir: string;
  dataDir: string;
  /** Milliseconds from the first call to a server accepting connections. */
  startupMs: number;
}

interface Running extends PostgresServer {
  base: string;
  watchdogPid: number | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the binaries

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function binariesIn(dir: string, source: string): Binaries | null {
  const initdb = join(dir, 'initdb');
  const pg_ctl = join(dir, 'pg_ctl');
  if (!isExecutable(initdb) || !isExecutable(pg_ctl) || !isExecutable(join(dir, 'postgres'))) return null;
  return { dir, initdb, pg_ctl, source };
}

function findBinaries(): Binaries | string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    return binariesIn(fromEnv, 'PG_BIN') ?? `PG_BIN=${fromEnv} holds no initdb, pg_ctl and postgres`;
  }
  const debianRoot = '/usr/lib/postgresql';
  let majors: string[] = [];
  try {
    majors = readdirSync(debianRoot).filter((name) => /^\d+(\.\d+)?$/.test(name));
  } catch {
    // no Debian layout
  }
  majors.sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const found = binariesIn(join(debianRoot, major, 'bin'), `${debianRoot}/${major}`);
    if (found) return found;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const found = binariesIn(dir, 'PATH');
    if (found) return found;
  }
  return `no initdb/pg_ctl/postgres in ${debianRoot}/<major>/bin, $PG_BIN or the PATH`;
}

// ---------------------------------------------------------------------------------------------------------------
// Running as the postgres system user when root

function systemUser(name: string): { uid: number; gid: number } | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields[0] === name && fields[2] !== undefined && fields[3] !== undefined) {
        return { uid: Number(fields[2]), gid: Number(fields[3]) };
      }
    }
  } catch {
    // no /etc/passwd
  }
  return null;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function findRunAs(): RunAs | string {
  const user = systemUser(SYSTEM_USER);
  if (!user) {
    return `running as root, and initdb refuses root, but there is no "${SYSTEM_USER}" system user to run it as`;
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser', '/bin/runuser'].find(isExecutable);
  if (runuser) return { ...user, wrap: (command) => [runuser, '-u', SYSTEM_USER, '--', ...command] };
  const su = ['/bin/su', '/usr/bin/su'].find(isExecutable);
  if (su) {
    return { ...user, wrap: (command) => [su, SYSTEM_USER, '-s', '/bin/sh', '-c', command.map(shellQuote).join(' ')] };
  }
  return `running as root, and initdb refuses root, but neither runuser nor su is there to switch to "${SYSTEM_USER}"`;
}

type Detection = { ok: true; tools: Tools } | { ok: false; reason: string };
let detected: Detection | undefined;

function detect(): Detection {
  if (detected) return detected;
  const bin = findBinaries();
  if (typeof bin === 'string') return (detected = { ok: false, reason: bin });
  let runAs: RunAs | null = null;
  if (process.getuid?.() === 0) {
    const found = findRunAs();
    if (typeof found === 'string') return (detected = { ok: false, reason: found });
    runAs = found;
  }
  return (detected = { ok: true, tools: { bin, runAs } });
}

/** Whether a server can be started here; synchronous and cached. */
export function postgresAvailable(): Availability {
  const found = detect();
  return found.ok ? { ok: true } : { ok: false, reason: found.reason };
}

/**
 * For a `before` hook: skips the suite when PostgreSQL is absent (the reason printed once), except under CI
 * (`CI=true`), where it throws: a CI run must never pass by skipping.
 */
export function requirePostgres(ctx: Mocha.Context): void {
  requireService(ctx, { name: 'PostgreSQL', install: INSTALL_HINT, available: postgresAvailable });
}

// ---------------------------------------------------------------------------------------------------------------
// Starting and stopping

/** The environment of the server's commands: no PG* variable of the developer's may leak in. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('PG')) env[key] = value;
  return env;
}

function run(tools: Tools, command: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const [file, ...args] = tools.runAs ? tools.runAs.wrap(command) : command;
  return new Promise((resolve, reject) => {
    execFile(file!, args, { cwd, env: childEnv(), timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(
          Object.assign(new Error(`${command.join(' ')} failed (${error.message.split('\n')[0]})\n${stderr}${stdout}`), {
            stderr: String(stderr),
          }),
        );
      } else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** A temp directory the server's user can reach: as root, every ancestor must let "others" through. */
function makeBase(tools: Tools): string {
  let parent = tmpdir();
  if (tools.runAs) {
    for (let dir = parent; ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) {
        parent = '/tmp';
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  const base = mkdtempSync(join(parent, 'datapass-pg-'));
  if (tools.runAs) chownSync(base, tools.runAs.uid, tools.runAs.gid);
  return base;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function initdb(tools: Tools, base: string, dataDir: string): Promise<void> {
  const common = [tools.bin.initdb, '-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--no-sync'];
  try {
    // C.UTF-8: byte-order collation like C, but Unicode-aware upper()/lower() for French text.
    await run(tools, [...common, '--locale=C.UTF-8'], base);
  } catch (error) {
    if (!/locale/i.test((error as { stderr?: string }).stderr ?? '')) throw error;
    rmSync(dataDir, { recursive: true, force: true });
    await run(tools, [...common, '--no-locale'], base);
  }
}

/** Stops the server at once (SIGQUIT: immediate shutdown, nothing to keep) and deletes its directory. */
function stopSync(server: Running): void {
  if (server.watchdogPid !== undefined) {
    try {
      process.kill(server.watchdogPid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const pidFile = join(server.dataDir, 'postmaster.pid');
  try {
    process.kill(server.pid, 'SIGQUIT');
    // The postmaster removes postmaster.pid once its children are gone (a killed process that no one reaps
    // would still answer kill(pid, 0), so the file is the signal to wait on, as pg_ctl does).
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 10_000;
    while (existsSync(pidFile) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 10);
  } catch {
    // already stopped
  }
  rmSync(server.base, { recursive: true, force: true });
}

/**
 * If this process dies without running its exit handlers (SIGINT, SIGKILL, a crash of the runtime), a detached
 * shell notices within a second and stops the server and deletes its directory.
 */
function startWatchdog(dataDir: string, base: string): number | undefined {
  const script = [
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done',
    'if [ -f "$2/postmaster.pid" ]; then',
    '  kill -QUIT "$(head -n 1 "$2/postmaster.pid")" 2>/dev/null',
    '  i=0; while [ -f "$2/postmaster.pid" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i+1)); done',
    'fi',
    'rm -rf "$3"',
  ].join('\n');
  try {
    const child = spawn('/bin/sh', ['-c', script, 'datapass-pg-watchdog', String(process.pid), dataDir, base], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => {});
    child.unref();
    return child.pid;
  } catch {
    return undefined;
  }
}

let current: Running | undefined;
let exitHookInstalled = false;

async function start(): Promise<Running> {
  const began = Date.now();
  const found = detect();
  if (!found.ok) throw new Error(`PostgreSQL is not available: ${found.reason} (install it: ${INSTALL_HINT})`);
  const { tools } = found;
  const base = makeBase(tools);
  const dataDir = join(base, 'data');
  const logFile = join(base, 'server.log');
  let postmasterPid: number | undefined;
  try {
    await initdb(tools, base, dataDir);
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        '',
        '# datapass tests: a throwaway server',
        `listen_addresses = '${HOST}'`,
        `unix_socket_directories = '${base.replace(/'/g, "''")}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        '',
      ].join('\n'),
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // Later lines win: each attempt appends its own port.
      appendFileSync(join(dataDir, 'postgresql.conf'), `port = ${port}\n`);
      try {
        await run(tools, [tools.bin.pg_ctl, '-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'], base);
        break;
      } catch (error) {
        const log = tail(logFile);
        // Another process took the port between freePort() and the bind: try another one.
        if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
        throw new Error(`${(error as Error).message}\nserver log (${logFile}):\n${log}`);
      }
    }
    postmasterPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const watchdogPid = startWatchdog(dataDir, base);
    const server: Running = {
      port,
      versionNum: 0,
      binDir: tools.bin.dir,
      dataDir,
      base,
      pid: postmasterPid,
      watchdogPid,
      startupMs: 0,
    };
    current = server;
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', () => {
        if (current) stopSync(current);
        current = undefined;
      });
    }
    const client = new pg.Client({ host: HOST, port, user: SUPERUSER, database: 'postgres' });
    await client.connect();
    try {
      const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      server.versionNum = Number(rows[0]?.server_version_num);
    } finally {
      await client.end();
    }
    server.startupMs = Date.now() - began;
    return server;
  } catch (error) {
    if (current?.base === base) {
      stopSync(current);
      current = undefined;
    } else {
      if (postmasterPid) {
        try {
          process.kill(postmasterPid, 'SIGQUIT');
        } catch {
          // gone
        }
      }
      rmSync(base, { recursive: true, force: true });
    }
    throw error;
  }
}

let starting: Promise<Running> | undefined;

function server(): Promise<Running> {
  if (!starting) {
    const attempt = start();
    starting = attempt;
    // A failed start is not cached: the next call tries again.
    attempt.catch(() => {
      if (starting === attempt) starting = undefined;
    });
  }
  return starting;
}

/** The running server (started on first use): its port, version, directories and start-up time. */
export async function postgresServer(): Promise<PostgresServer> {
  const { port, pid, versionNum, binDir, dataDir, startupMs } = await server();
  return { port, pid, versionNum, binDir, dataDir, startupMs };
}

let databases = 0;

/**
 * The URL of a new, empty database on this process's throwaway server, which starts on the first call:
 * `postgres://postgres@127.0.0.1:<port>/datapass_test_<n>` (trust auth: no password).
 */
export async function postgresUrl(): Promise<string> {
  const { port, versionNum } = await server();
  const name = `datapass_test_${++databases}`;
  const client = new pg.Client({ host: HOST, port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    // FILE_COPY (PostgreSQL 15+; older versions only have it) copies template1's files instead of writing them
    // all to the WAL: faster for a small template, and fsync is off anyway.
    await client.query(`CREATE DATABASE ${name}${versionNum >= 150000 ? ' STRATEGY FILE_COPY' : ''}`);
  } finally {
    await client.end();
  }
  return `postgres://${SUPERUSER}@${HOST}:${port}/${name}`;
}

/** Stops the server and deletes its data directory now; the next `postgresUrl()` starts a new one. */
export async function stopPostgres(): Promise<void> {
  const pending = starting;
  starting = undefined;
  if (pending) await pending.catch(() => undefined);
  if (current) {
    stopSync(current);
    current = undefined;
  }
}
