// The server under load for `npm run bench`, in its own process so the load generator does not share its
// event loop: prepares COUNT draft requests on a durable SQLite file, measures a bare durable commit, listens,
// and prints `{ port, requests, commitsPerSecond }` as one JSON line.
import { pino } from 'pino';
import { loadRegistry } from '../engine/index.js';
import type { AppContext, Caller } from '../server/AppContext.js';
import { createDatabase, createReadDatabase } from '../server/db/createDatabase.js';
import { migrate } from '../server/db/migrate.js';
import { addMembership, upsertOrganization } from '../server/db/repositories/organizations.js';
import { createUser } from '../server/db/repositories/users.js';
import { createApp } from '../server/http/createApp.js';
import { createRequest } from '../server/lifecycle/fireEvent.js';

const count = Number(process.env.BENCH_REQUESTS ?? 3000);
const db = createDatabase({ sqliteFile: process.env.SQLITE_FILE! });
await migrate(db);
const registry = loadRegistry('definitions', { deep: false });
const now = new Date();
const org = await upsertOrganization(db, { siret: '21920023500014', name: 'Commune de Clamart', closed: false, inseePayload: {} }, now);
const applicantId = await createUser(db, { email: 'applicant@bench.fr' }, now);
await addMembership(db, applicantId, org, now);
const reads = createReadDatabase(db, { sqliteFile: process.env.SQLITE_FILE! });
const ctx: AppContext = { db, reads, registry, clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
const applicant: Caller = { userId: applicantId, roles: [], organizationId: org };
const example = registry.definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!;
const requests: { id: string; version: number }[] = [];
for (let i = 0; i < count; i++) {
  const r = await createRequest(ctx, applicant, { definitionId: 'api-particulier', useCaseId: example.useCaseId, data: structuredClone(example.data) });
  requests.push({ id: r.publicId, version: r.version });
}
const t0 = performance.now();
for (let i = 0; i < 500; i++) await db.transaction((tx) => tx('access_denials').insert({ method: 'GET', path: '/', reason: 'bench', created_at: new Date().toISOString() }));
const commitsPerSecond = 500 / ((performance.now() - t0) / 1000);
const app = createApp(ctx, { sessionSecret: 'bench', demoSignIn: true, rateLimits: { signIn: 1e9, writes: 1e9 } });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port, requests, commitsPerSecond }) + '\n');
});
process.on('SIGTERM', () => server.close(() => db.destroy().then(() => process.exit(0))));
