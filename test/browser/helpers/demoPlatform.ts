import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadRegistry } from '../../../engine/index.js';
import type { AppContext } from '../../../server/AppContext.js';
import { createDatabase, createReadDatabase } from '../../../server/db/createDatabase.js';
import { migrate } from '../../../server/db/migrate.js';
import { seedDemoData } from '../../../server/db/seedDemoData.js';
import { createApp } from '../../../server/http/createApp.js';
import { createOfflineDirectory } from '../../../server/organizations/index.js';
import { DEFINITIONS } from '../../helpers/paths.js';

export interface DemoPlatform {
  baseUrl: string;
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * The platform as `npm start` runs it on the embedded default (see server/main.ts), in this process: a fresh
 * SQLite file, migrations, the definitions of `definitionsDir`, the demo data seeded from the offline
 * organisation directory, the demo sign-in page, listening on a free port of 127.0.0.1.
 */
export async function startDemoPlatform(definitionsDir: string = DEFINITIONS): Promise<DemoPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'datapass-browser-'));
  const sqliteFile = join(dir, 'demo.sqlite');
  const db = createDatabase({ sqliteFile });
  let reads: AppContext['reads'] | undefined;
  let server: Server | undefined;
  try {
    await migrate(db);
    const registry = loadRegistry(definitionsDir, { deep: false });
    const broken = registry.results.filter((r) => r.issues.length);
    if (broken.length) throw new Error(`definitions not loaded: ${broken.map((r) => `${r.id} (${r.issues.map((i) => i.code).join(', ')})`).join('; ')}`);
    reads = createReadDatabase(db, { sqliteFile });
    const ctx: AppContext = { db, reads, registry, clock: { now: () => new Date() }, log: pino({ level: 'silent' }) };
    if (!(await seedDemoData(ctx, createOfflineDirectory()))) throw new Error('the demo data was not seeded: the new database was not empty');
    const app = createApp(ctx, { sessionSecret: 'test', demoSignIn: true, rateLimits: { signIn: 1000, writes: 100000 } });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
      s.on('error', reject);
    });
    const listening = server;
    const baseUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    return {
      baseUrl,
      ctx,
      async close() {
        listening.closeAllConnections();
        await new Promise((resolve) => listening.close(resolve));
        if (ctx.reads !== ctx.db) await ctx.reads.destroy();
        await ctx.db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.close();
    if (reads && reads !== db) await reads.destroy();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
