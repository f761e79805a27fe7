import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { waitFor } from './helpers/outboxReceiver.js';
import { ApiClient, testRegistry } from './helpers/testApp.js';
import { getPage, textOf } from './pages/htmlClient.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// The server as `npm start` runs it, on a port that is not 3000 and without PUBLIC_URL: the links of the e-mails
// it sends must lead back to it.
describe('links in e-mails (the server process)', function () {
  this.timeout(90_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'datapass-links-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('point at the port the server listens on when PUBLIC_URL is not set', async () => {
    const port = await freePort();
    const { PUBLIC_URL: _publicUrl, SMTP_URL: _smtp, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'start.ts')], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), SQLITE_FILE: join(dir, 'links.sqlite'), LOG_LEVEL: 'warn', NODE_ENV: 'development', DATABASE_URL: '', OUTBOX_POLL_MS: '50' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`/healthz on port ${port}`, async () => (await fetch(`${baseUrl}/healthz`).catch(() => undefined))?.ok === true, 30_000, 100);
      const applicant = await ApiClient.signIn(baseUrl, 'camille.martin@clamart.fr');
      const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id: string = created.body.request.id;
      const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: created.body.request.version, data });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));

      // Without SMTP_URL the server keeps what it sends in the admins' mailbox.
      const admin = await ApiClient.signIn(baseUrl, 'admin@datapass.gouv.fr');
      let texts: string[] = [];
      await waitFor('the instructors’ e-mail of the submission', async () => {
        const list = (await getPage(baseUrl, '/admin/emails', admin)).html;
        const ids = [...new Set([...list.matchAll(/href="\/admin\/emails\/(\d+)"/g)].map((m) => m[1]!))];
        texts = await Promise.all(ids.map(async (n) => textOf((await getPage(baseUrl, `/admin/emails/${n}`, admin)).html)));
        return texts.some((text) => text.includes(`/instruction/demandes/${id}`));
      });
      const links = texts.flatMap((text) => text.match(/https?:\/\/[^\s]+/g) ?? []).filter((link) => link.includes('/demandes/'));
      assert.ok(links.length > 0);
      for (const link of links) assert.ok(link.startsWith(`http://localhost:${port}/`), `${link} leads to the port the server listens on (${port})`);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
  });
});
