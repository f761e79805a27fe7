import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadRegistry, type Registry } from '../../../engine/index.js';
import type { AppContext } from '../../../server/AppContext.js';
import { createDatabase, createReadDatabase, type Db } from '../../../server/db/createDatabase.js';
import { migrate } from '../../../server/db/migrate.js';
import { addMembership, upsertOrganization } from '../../../server/db/repositories/organizations.js';
import { createUser } from '../../../server/db/repositories/users.js';
import { createApp, type AppOptions } from '../../../server/http/createApp.js';
import { DEFINITIONS, TEMPLATES } from '../../helpers/paths.js';

let registry: Registry | undefined;
/** The real definitions, loaded once per test run. */
export function testRegistry(): Registry {
  registry ??= loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES, deep: false });
  return registry;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date('2026-11-24T09:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The people and organisations every server test starts with. */
export const PEOPLE = {
  applicant: { email: 'camille.applicant@commune-a.fr', givenName: 'Camille', familyName: 'Demandeur', roles: [] as string[] },
  otherApplicant: { email: 'dominique@commune-c.fr', givenName: 'Dominique', familyName: 'Autre', roles: [] as string[] },
  instructor: { email: 'ines.instructrice@dinum.gouv.fr', givenName: 'Inès', familyName: 'Instructrice', roles: ['dinum:api-particulier:instructor'] },
  secondInstructor: { email: 'igor.instructeur@dinum.gouv.fr', givenName: 'Igor', familyName: 'Instructeur', roles: ['dinum:*:instructor'] },
  reporter: { email: 'romane.rapporteure@dinum.gouv.fr', givenName: 'Romane', familyName: 'Rapporteure', roles: ['dinum:api-particulier:reporter'] },
  dgfipInstructor: { email: 'denis.instructeur@dgfip.finances.gouv.fr', givenName: 'Denis', familyName: 'Dgfip', roles: ['dgfip:*:instructor'] },
  admin: { email: 'alix.admin@datapass.gouv.fr', givenName: 'Alix', familyName: 'Admin', roles: ['admin'] },
} as const;
export type Person = keyof typeof PEOPLE;

export const ORGANIZATIONS = {
  communeA: { siret: '21350238500019', name: 'Commune A' },
  communeB: { siret: '21690123100011', name: 'Commune B' },
  communeC: { siret: '21130055300016', name: 'Commune C' },
  closed: { siret: '21750001600019', name: 'Établissement fermé', closed: true },
} as const;

export interface TestApp {
  baseUrl: string;
  db: Db;
  ctx: AppContext;
  clock: TestClock;
  userIds: Record<Person, number>;
  organizationIds: Record<keyof typeof ORGANIZATIONS, number>;
  client(person: Person): Promise<ApiClient>;
  close(): Promise<void>;
}

/** `sqlite` (a temp file) or a PostgreSQL URL (a fresh database from the test harness). */
export type DatabaseChoice = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

/** A real app on a real database, listening on 127.0.0.1, with the test people seeded; the real definitions unless `registry` is given; `appOptions` beside the tests' own. */
export async function startTestApp(choice: DatabaseChoice = { kind: 'sqlite' }, registry: Registry = testRegistry(), appOptions: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = choice.kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'datapass-server-')) : undefined;
  const db = choice.kind === 'sqlite' ? createDatabase({ sqliteFile: join(dir!, 'test.sqlite') }) : createDatabase({ url: choice.url, poolMax: 20 });
  await migrate(db);
  const clock = new TestClock();
  const now = clock.now();
  const organizationIds = {} as Record<keyof typeof ORGANIZATIONS, number>;
  for (const [key, o] of Object.entries(ORGANIZATIONS)) {
    organizationIds[key as keyof typeof ORGANIZATIONS] = await upsertOrganization(db, { siret: o.siret, name: o.name, closed: 'closed' in o, inseePayload: { siret: o.siret } }, now);
  }
  const userIds = {} as Record<Person, number>;
  for (const [key, p] of Object.entries(PEOPLE)) userIds[key as Person] = await createUser(db, { ...p, roles: [...p.roles] }, now);
  await addMembership(db, userIds.applicant, organizationIds.communeA, now);
  await addMembership(db, userIds.applicant, organizationIds.communeB, now);
  await addMembership(db, userIds.applicant, organizationIds.closed, now);
  await addMembership(db, userIds.otherApplicant, organizationIds.communeC, now);

  const reads = choice.kind === 'sqlite' ? createReadDatabase(db, { sqliteFile: join(dir!, 'test.sqlite') }) : db;
  const ctx: AppContext = { db, reads, registry, clock, log: pino({ level: 'silent' }) };
  const app = createApp(ctx, { sessionSecret: 'test-secret', demoSignIn: true, rateLimits: { signIn: 10_000, writes: 100_000 }, ...appOptions });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    db,
    ctx,
    clock,
    userIds,
    organizationIds,
    client: (person) => ApiClient.signIn(baseUrl, PEOPLE[person].email),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (reads !== db) await reads.destroy();
      await db.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in user's HTTP client: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(readonly baseUrl: string) {}

  static async signIn(baseUrl: string, email: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    await client.refreshCsrf();
    const signedIn = await client.request('POST', '/auth/demo', { email });
    if (signedIn.status !== 200) throw new Error(`sign-in as ${email} failed: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
    await client.refreshCsrf();
    return client;
  }

  async refreshCsrf(): Promise<void> {
    this.csrf = (await this.request('GET', '/api/csrf')).body.token;
  }

  /** The session cookie, for a raw fetch. */
  get cookieHeader(): string {
    return this.cookie;
  }

  /** The session's CSRF token, for a raw request. */
  get csrfToken(): string {
    return this.csrf;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, form?: FormData): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(form ? { body: form } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* HTML or text */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
}
