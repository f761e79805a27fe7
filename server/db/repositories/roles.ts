import type { Db } from '../createDatabase.js';

/**
 * Grant `role` (`admin`, `<provider>:<definition>:<role>` or `<provider>:*:<role>`) to a user; checking that the
 * role names something that exists is the caller's job. False when the user already holds it.
 */
export async function addRole(db: Db, userId: number, role: string): Promise<boolean> {
  const held = await db('user_roles').where({ user_id: userId, role }).first('role');
  if (held) return false;
  await db('user_roles').insert({ user_id: userId, role }).onConflict(['user_id', 'role']).ignore();
  return true;
}

/** Withdraw `role` from a user. False when the user did not hold it. */
export async function removeRole(db: Db, userId: number, role: string): Promise<boolean> {
  return (await db('user_roles').where({ user_id: userId, role }).del()) > 0;
}

export interface RoleHolder {
  userId: number;
  email: string;
  givenName?: string;
  familyName?: string;
  role: string;
}

/** Who holds a role of `provider` (on one of its definitions or all of them), from the role strings. */
export async function roleHolders(db: Db, provider: string): Promise<RoleHolder[]> {
  const rows = await db('user_roles').join('users', 'users.id', 'user_roles.user_id').where('user_roles.role', 'like', `${provider}:%`).orderBy(['users.email', 'user_roles.role']).select('users.id', 'users.email', 'users.given_name', 'users.family_name', 'user_roles.role');
  return rows.map((r: Record<string, unknown>) => ({
    userId: Number(r.id),
    email: String(r.email),
    ...(r.given_name ? { givenName: String(r.given_name) } : {}),
    ...(r.family_name ? { familyName: String(r.family_name) } : {}),
    role: String(r.role),
  }));
}
