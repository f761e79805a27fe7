import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadRegistry } from '../engine/index.js';
import type { AppContext } from './AppContext.js';
import { configFromEnv } from './config.js';
import { createLogger } from './log.js';
import { createDatabase, createReadDatabase } from './db/createDatabase.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './db/seedDemoData.js';
import { createApp } from './http/createApp.js';
import { oidcLoginHooks } from './auth/oidcLogin.js';
import { createOidcRouter, oidcSettingsFromEnv } from './auth/oidc/index.js';
import { cachedDirectory, directoryFromEnv } from './organizations/index.js';
import { closeEmailTransports } from './emails/deliverEmail.js';
import { deliveryHandlers } from './outbox/handlers.js';
import { startOutboxWorkers } from './outbox/startOutboxWorkers.js';

/**
 * `npm start`: migrate, seed an empty embedded database with demo data, load the definitions, listen on PORT,
 * deliver the outbox (unless OUTBOX_DISABLED=1), and on SIGTERM/SIGINT stop accepting connections, finish the
 * requests and the deliveries in flight, then close the database.
 */
export async function main(): Promise<void> {
  const config = configFromEnv();
  const log = createLogger(config.logLevel);
  const db = createDatabase({ url: config.databaseUrl, sqliteFile: resolve(config.sqliteFile) });
  await migrate(db);
  const registry = loadRegistry(resolve('definitions'), { deep: false });
  for (const r of registry.results) if (r.issues.length) log.warn({ definition: r.id, issues: r.issues.length }, 'definition not loaded: run npx datapass check');
  const reads = createReadDatabase(db, { sqliteFile: resolve(config.sqliteFile) });
  const ctx: AppContext = { db, reads, registry, clock: { now: () => new Date() }, log, publicUrl: config.publicUrl, webhookNetwork: config.webhookNetwork };
  const directory = cachedDirectory(directoryFromEnv());
  if (!config.databaseUrl && !config.production && (await seedDemoData(ctx, directory))) log.info('empty database: demo data seeded');
  const oidc = oidcSettingsFromEnv();
  const oidcRouter = oidc && createOidcRouter(oidc, oidcLoginHooks(ctx, directory), { sessionCookieName: 'datapass.sid' });
  const app = createApp(ctx, { sessionSecret: config.sessionSecret, demoSignIn: config.demoSignIn, secureCookies: config.publicUrl.startsWith('https:'), trustProxy: config.trustProxy, documentsQuotaBytes: config.documentsQuotaBytes, ...(oidcRouter ? { oidcRouter } : {}) });
  const { outbox } = config;
  const workers = outbox.disabled
    ? undefined
    : startOutboxWorkers(ctx, deliveryHandlers(), {
        count: outbox.workers,
        pollMs: outbox.pollMs,
        concurrency: outbox.concurrency,
        leaseMs: outbox.leaseMs,
        maxAttempts: outbox.maxAttempts,
        backoffBaseMs: outbox.backoffBaseMs,
        backoffCapMs: outbox.backoffCapMs,
      });
  if (!workers) log.info('OUTBOX_DISABLED: this process does not deliver e-mails and webhooks');
  const server: Server = app.listen(config.port, () => {
    // Without PUBLIC_URL, e-mail links lead to the port actually bound (PORT=0 lets the system pick one).
    if (!process.env.PUBLIC_URL?.trim()) ctx.publicUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    log.info({ port: config.port, database: config.databaseUrl ? 'postgresql' : config.sqliteFile, definitions: registry.definitions.size }, `DataPass listening on ${ctx.publicUrl ?? config.publicUrl}`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing requests in flight');
    server.close(async () => {
      // After the requests (whose commits may still queue rows) and before the database closes.
      await workers?.stop();
      closeEmailTransports();
      if (reads !== db) await reads.destroy();
      await db.destroy();
      log.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log.error('requests still in flight after 10 s: exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
