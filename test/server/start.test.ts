import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { ApiClient } from './helpers/testApp.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// `npm start` as a process: migrations, demo data, listening, then a graceful stop on SIGTERM.
describe('the server process (npm start)', function () {
  this.timeout(90_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'datapass-start-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds an empty embedded database, serves the demo sign-in, and on SIGTERM finishes the request in flight, then exits', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'start.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), SQLITE_FILE: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn', NODE_ENV: 'development', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let healthy = false;
      for (let i = 0; i < 300 && !healthy; i++) {
        try {
          healthy = (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      assert.ok(healthy, `the server never answered /healthz:\n${output}`);
      const page = await (await fetch(`http://127.0.0.1:${port}/auth/demo`)).text();
      for (const email of ['camille.martin@clamart.fr', 'ines.laurent@dinum.gouv.fr', 'denis.roussel@dgfip.finances.gouv.fr', 'admin@datapass.gouv.fr']) assert.ok(page.includes(email), email);
      const catalogue = (await (await fetch(`http://127.0.0.1:${port}/api/definitions`)).json()) as { definitions: { id: string }[] };
      assert.ok(catalogue.definitions.some((d) => d.id === 'api-particulier'));

      // A save whose body is still arriving when SIGTERM comes: it is finished, then the process exits.
      const client = await ApiClient.signIn(`http://127.0.0.1:${port}`, 'camille.martin@clamart.fr');
      const draft = (await client.get('/api/requests?definition=api-particulier')).body.requests[0];
      const body = JSON.stringify({ version: draft.version, data: { basic_infos: { intitule: 'Enregistré pendant l’arrêt' } } });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, method: 'PATCH', path: `/api/requests/${draft.id}`, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: client.cookieHeader, 'x-csrf-token': client.csrfToken, accept: 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        const bytes = Buffer.from(body);
        req.write(bytes.subarray(0, 10));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(bytes.subarray(10)), 300);
        }, 200);
      });
      const finished = await response;
      assert.equal(finished.status, 200, finished.text);
      assert.match(finished.text, /Enregistré pendant l’arrêt/);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
  });
});
