import type { Db } from '../createDatabase.js';

/** Every refused access is kept, for the admins to review. */
export async function recordDenial(db: Db, d: { userId?: number | undefined; method: string; path: string; reason: string; at: string }): Promise<void> {
  await db('access_denials').insert({ user_id: d.userId ?? null, method: d.method.slice(0, 8), path: d.path.slice(0, 2000), reason: d.reason.slice(0, 500), created_at: d.at });
}
