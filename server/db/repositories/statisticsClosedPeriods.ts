import type { Db } from '../createDatabase.js';
import type { Histogram } from './statisticsHistogram.js';

/**
 * The statistics' figures of periods that are over, kept per database so that a page reads only the current
 * month's durations and the current week's submissions and decisions.
 *
 * They are exact, not a stale copy: a milestone is written at the instant of its event (milestones.ts), so once
 * a month or a week has ended nothing can enter it any more. Writing milestones in the past otherwise (the
 * backfill of migration 003, which runs before the server serves; a bulk import by hand) needs a restart.
 * Periods that leave the twelve months looked back are dropped.
 */
export class ClosedPeriods {
  /** `definition kind month` → the histogram of the durations that ended in that month (UTC). */
  private readonly histograms = new Map<string, Histogram>();
  /** `definition weekStart` → the week's first submissions and decisions. */
  private readonly weeks = new Map<string, { submitted: number; decided: number }>();
  /** `definition instant` → the requests awaiting a decision at that instant. */
  private readonly awaiting = new Map<string, number>();

  histogram(definitionId: string, kind: string, month: string): Histogram | undefined {
    return this.histograms.get(`${definitionId} ${kind} ${month}`);
  }

  keepHistogram(definitionId: string, kind: string, month: string, histogram: Histogram): void {
    this.histograms.set(`${definitionId} ${kind} ${month}`, histogram);
  }

  week(definitionId: string, weekStart: string): { submitted: number; decided: number } | undefined {
    return this.weeks.get(`${definitionId} ${weekStart}`);
  }

  keepWeek(definitionId: string, weekStart: string, figures: { submitted: number; decided: number }): void {
    this.weeks.set(`${definitionId} ${weekStart}`, figures);
  }

  awaitingAt(definitionId: string, at: string): number | undefined {
    return this.awaiting.get(`${definitionId} ${at}`);
  }

  keepAwaitingAt(definitionId: string, at: string, count: number): void {
    this.awaiting.set(`${definitionId} ${at}`, count);
  }

  /** Forget the months before `month` (`YYYY-MM`) and the weeks and instants before `at` (ISO 8601). */
  dropBefore(month: string, at: string): void {
    for (const key of this.histograms.keys()) if (key.slice(key.lastIndexOf(' ') + 1) < month) this.histograms.delete(key);
    for (const map of [this.weeks, this.awaiting]) for (const key of map.keys()) if (key.slice(key.lastIndexOf(' ') + 1) < at) map.delete(key);
  }
}

const byDatabase = new WeakMap<Db, ClosedPeriods>();

/** The closed periods' figures of this database (connection pool). */
export function closedPeriodsOf(db: Db): ClosedPeriods {
  let closed = byDatabase.get(db);
  if (!closed) byDatabase.set(db, (closed = new ClosedPeriods()));
  return closed;
}
