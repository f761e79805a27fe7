import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { Db } from '../db/createDatabase.js';

const row = (r: { hits: unknown; reset_at: unknown }): ClientRateLimitInfo => ({ totalHits: Number(r.hits), resetTime: new Date(Number(r.reset_at)) });

/**
 * express-rate-limit's counters in the `rate_limits` table, so that every server process counts the same hits
 * (an in-memory store would let N processes take N times the limit). Each hit is one UPSERT that starts a
 * window or adds one to the current one and returns the count: atomic on SQLite and on PostgreSQL, with no read
 * between the check and the write for two processes to race in. Expired rows are deleted at most once per window
 * and per process. Times are wall-clock milliseconds, like the windows and the headers the
 * limiter computes from them.
 */
export class KnexRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private nextSweep = 0;

  /** `prefix` keeps the counts of one limiter apart from the others' (sign-in, writes, token endpoint). */
  constructor(
    private readonly db: Db,
    readonly prefix: string,
    private readonly onSweepError: (error: unknown) => void = () => {},
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private key(key: string): string {
    return `${this.prefix}:${key}`.slice(0, 255);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const found = await this.db('rate_limits').where({ limiter_key: this.key(key) }).where('reset_at', '>', Date.now()).first('hits', 'reset_at');
    return found ? row(found) : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const now = Date.now();
    await this.sweep(now);
    const expired = this.db.raw('rate_limits.reset_at <= ?', [now]);
    const [counted] = await this.db('rate_limits')
      .insert({ limiter_key: this.key(key), hits: 1, reset_at: now + this.windowMs })
      .onConflict('limiter_key')
      .merge({
        hits: this.db.raw('CASE WHEN ? THEN 1 ELSE rate_limits.hits + 1 END', [expired]),
        reset_at: this.db.raw('CASE WHEN ? THEN excluded.reset_at ELSE rate_limits.reset_at END', [expired]),
      })
      .returning(['hits', 'reset_at']);
    return row(counted);
  }

  async decrement(key: string): Promise<void> {
    await this.db('rate_limits').where({ limiter_key: this.key(key) }).where('hits', '>', 0).where('reset_at', '>', Date.now()).decrement('hits', 1);
  }

  async resetKey(key: string): Promise<void> {
    await this.db('rate_limits').where({ limiter_key: this.key(key) }).delete();
  }

  async resetAll(): Promise<void> {
    await this.db('rate_limits').where('limiter_key', 'like', `${this.prefix}:%`).delete();
  }

  /**
   * Deletes the rows whose window is over, once per window: the index on reset_at makes it a short range
   * delete. A failure is reported, not thrown: the count matters more than the tidying.
   */
  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.windowMs;
    try {
      await this.db('rate_limits').where('reset_at', '<=', now).delete();
    } catch (error) {
      this.onSweepError(error);
    }
  }
}
