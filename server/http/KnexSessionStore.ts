import session from 'express-session';
import type { Db } from '../db/createDatabase.js';
import { fromJson, toJson } from '../db/json.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Sessions in the database's `sessions` table, so every server process sees the same sign-ins and a
 * restart signs nobody out. Expired rows are ignored on read and pruned from time to time.
 */
export class KnexSessionStore extends session.Store {
  private lastPrune = 0;
  /** When each session's expiry was last written, so a rolling session costs one write per minute, not per request. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly reads: Db = db,
  ) {
    super();
  }

  private expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires).getTime() : this.now().getTime() + DAY;
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.reads('sessions')
      .where({ sid })
      .first()
      .then((row) => callback(null, row && Number(row.expires_at) > this.now().getTime() ? fromJson<session.SessionData>(row.sess) : null), callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    const row = { sid, sess: toJson(sess), expires_at: this.expiry(sess) };
    this.touched.set(sid, this.now().getTime());
    this.db('sessions')
      .insert(row)
      .onConflict('sid')
      .merge(['sess', 'expires_at'])
      .then(() => this.prune())
      .then(() => callback?.(), (error) => callback?.(error));
  }

  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    const now = this.now().getTime();
    if (now - (this.touched.get(sid) ?? 0) < 60_000) return void callback?.();
    if (this.touched.size > 100_000) this.touched.clear();
    this.touched.set(sid, now);
    this.db('sessions')
      .where({ sid })
      .update({ expires_at: this.expiry(sess) })
      .then(() => callback?.(), () => callback?.());
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.touched.delete(sid);
    this.db('sessions')
      .where({ sid })
      .delete()
      .then(() => callback?.(), (error) => callback?.(error));
  }

  /** Delete expired sessions, at most once a minute. */
  private async prune(): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.db('sessions').where('expires_at', '<', now).delete();
  }
}
