// The server for the uploads benchmark, in its own process so that its event loop and memory are its own:
// a fresh SQLite file, one applicant and one draft request, then it listens and prints `{ port, requestId }`
// as one JSON line. Over IPC, `start` begins a measure and `stop` answers the longest event-loop stall and
// the growth of the process's peak resident memory since `start`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadRegistry } from '../engine/index.js';
import type { AppContext } from '../server/AppContext.js';
import { createDatabase, createReadDatabase } from '../server/db/createDatabase.js';
import { migrate } from '../server/db/migrate.js';
import { addMembership, upsertOrganization } from '../server/db/repositories/organizations.js';
import { createUser } from '../server/db/repositories/users.js';
import { createRequest } from '../server/lifecycle/fireEvent.js';
import { listeningBenchApp } from './benchApp.js';

const dir = mkdtempSync(join(tmpdir(), 'datapass-uploads-bench-'));
const sqliteFile = join(dir, 'bench.sqlite');
const db = createDatabase({ sqliteFile });
await migrate(db);
const now = new Date();
const org = await upsertOrganization(db, { siret: '21920023500014', name: 'Commune de Clamart', closed: false, inseePayload: {} }, now);
const applicantId = await createUser(db, { email: 'applicant@bench.fr' }, now);
await addMembership(db, applicantId, org, now);
const ctx: AppContext = { db, reads: createReadDatabase(db, { sqliteFile }), registry: loadRegistry('definitions', { deep: false }), clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
const request = await createRequest(ctx, { userId: applicantId, roles: [], organizationId: org }, { definitionId: 'api-particulier', useCaseId: 'libre' });
const { server } = await listeningBenchApp(ctx);

const delay = monitorEventLoopDelay({ resolution: 1 });
let peakAtStart = 0;
process.on('message', (message: string) => {
  if (message === 'start') {
    peakAtStart = process.resourceUsage().maxRSS;
    delay.reset();
    delay.enable();
    process.send!({ started: true });
  } else if (message === 'stop') {
    delay.disable();
    process.send!({ maxStallMs: delay.max / 1e6, extraPeakMb: (process.resourceUsage().maxRSS - peakAtStart) / 1024 });
  } else if (message === 'exit') {
    server.close(() => void db.destroy().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    }));
  }
});
process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port, requestId: request.publicId }) + '\n');
