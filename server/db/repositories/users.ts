import type { Db } from '../createDatabase.js';
import { insertedId, toIso } from '../json.js';
import { indexRequestsOf } from './requestSearch.js';

export interface User {
  id: number;
  email: string;
  givenName?: string;
  familyName?: string;
  phoneNumber?: string;
  jobTitle?: string;
  /** Role strings: `<provider>:<definition>:<role>`, `<provider>:*:<role>` or `admin`. */
  roles: string[];
  createdAt: string;
}

export interface NewUser {
  email: string;
  givenName?: string;
  familyName?: string;
  phoneNumber?: string;
  jobTitle?: string;
  oidcSub?: string;
  roles?: string[];
}

const mapUser = (row: Record<string, unknown>, roles: string[]): User => ({
  id: Number(row.id),
  email: String(row.email),
  ...(row.given_name ? { givenName: String(row.given_name) } : {}),
  ...(row.family_name ? { familyName: String(row.family_name) } : {}),
  ...(row.phone_number ? { phoneNumber: String(row.phone_number) } : {}),
  ...(row.job_title ? { jobTitle: String(row.job_title) } : {}),
  roles,
  createdAt: toIso(row.created_at),
});

/** A user with their roles, in one query (it runs on every signed-in call). */
export async function findUser(db: Db, id: number): Promise<User | undefined> {
  const rows = await db('users').leftJoin('user_roles', 'user_roles.user_id', 'users.id').where('users.id', id).orderBy('user_roles.role').select('users.*', 'user_roles.role');
  if (!rows.length) return undefined;
  return mapUser(rows[0], rows.map((r) => r.role).filter((r): r is string => typeof r === 'string'));
}

export async function findUserIdByEmail(db: Db, email: string): Promise<number | undefined> {
  const row = await db('users').whereRaw('lower(email) = ?', [email.toLowerCase()]).first('id');
  return row ? Number(row.id) : undefined;
}

export async function createUser(db: Db, user: NewUser, now: Date): Promise<number> {
  const [row] = await db('users')
    .insert({
      email: user.email,
      given_name: user.givenName ?? null,
      family_name: user.familyName ?? null,
      phone_number: user.phoneNumber ?? null,
      job_title: user.jobTitle ?? null,
      oidc_sub: user.oidcSub ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id');
  const id = insertedId(row);
  if (user.roles?.length) await db('user_roles').insert(user.roles.map((role) => ({ user_id: id, role })));
  return id;
}

/**
 * The user signing in through OpenID Connect: found by subject; else an account with that e-mail that has never
 * signed in through OIDC (seeded by an admin) is linked to it; else a new user. An e-mail already linked to
 * another subject is refused (`undefined`): another identity provider asserting the same address must not
 * take the account over.
 */
export async function upsertOidcUser(db: Db, claims: NewUser & { oidcSub: string }, now: Date): Promise<number | undefined> {
  const bySub = await db('users').where({ oidc_sub: claims.oidcSub }).first('id');
  let id: number | undefined = bySub ? Number(bySub.id) : undefined;
  if (id === undefined) {
    const byEmail = await db('users').whereRaw('lower(email) = ?', [claims.email.toLowerCase()]).first('id', 'oidc_sub');
    if (byEmail?.oidc_sub) return undefined;
    id = byEmail ? Number(byEmail.id) : undefined;
  }
  if (id === undefined) return createUser(db, claims, now);
  const before = await db('users').where({ id }).first('email', 'given_name', 'family_name');
  await db('users')
    .where({ id })
    .update({
      email: claims.email,
      oidc_sub: claims.oidcSub,
      ...(claims.givenName ? { given_name: claims.givenName } : {}),
      ...(claims.familyName ? { family_name: claims.familyName } : {}),
      ...(claims.phoneNumber ? { phone_number: claims.phoneNumber } : {}),
      ...(claims.jobTitle ? { job_title: claims.jobTitle } : {}),
      updated_at: now.toISOString(),
    });
  // Requests are found by their applicant's name and e-mail: a change from ProConnect is searched under the new ones.
  if (before && (before.email !== claims.email || (claims.givenName && before.given_name !== claims.givenName) || (claims.familyName && before.family_name !== claims.familyName))) {
    await indexRequestsOf(db, { applicantId: id });
  }
  return id;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db('users').orderBy('id');
  const roles = await db('user_roles').select('user_id', 'role').orderBy('role');
  return rows.map((r) => mapUser(r, roles.filter((x) => Number(x.user_id) === Number(r.id)).map((x) => String(x.role))));
}

/**
 * Users whose e-mail or name contains `query` (case ignored; every user when it is empty), by e-mail, with
 * their roles: at most `limit`.
 */
export async function searchUsers(db: Db, query: string, limit: number): Promise<User[]> {
  const pattern = `%${query.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (column: string) => `lower(${column}) like ? escape '\\'`;
  const rows: Record<string, unknown>[] = await db('users')
    .modify((q) => {
      if (query.trim()) {
        q.whereRaw(like('email'), [pattern])
          .orWhereRaw(like("coalesce(given_name, '') || ' ' || coalesce(family_name, '')"), [pattern])
          .orWhereRaw(like("coalesce(family_name, '') || ' ' || coalesce(given_name, '')"), [pattern]);
      }
    })
    .orderBy('email')
    .limit(limit);
  const roles = rows.length ? await db('user_roles').whereIn('user_id', rows.map((r) => Number(r.id))).select('user_id', 'role').orderBy('role') : [];
  return rows.map((r) => mapUser(r, roles.filter((x) => Number(x.user_id) === Number(r.id)).map((x) => String(x.role))));
}
