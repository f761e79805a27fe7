/**
 * The periods of the statistics. Weeks are French weeks: Monday 00:00 to Monday 00:00, Paris time, whatever
 * the server's time zone. The durations' period starts on the first day of a UTC month (see statisticsSql.ts).
 */

const DAY = 86_400_000;
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Paris's offset from UTC at an instant, in milliseconds. */
function parisOffset(at: number): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}

/**
 * The instant (UTC milliseconds) a Paris day starts; `day` is a UTC midnight standing for that calendar date.
 * France changes its clocks at 01:00 UTC, never between 21:00 and 23:00 UTC, where Paris midnights fall: the
 * offset three hours before the UTC midnight is the one of the Paris midnight.
 */
function parisMidnight(day: number): number {
  return day - parisOffset(day - 3 * 3_600_000);
}

/** The Paris calendar date of an instant, as the UTC midnight of that date. */
function parisDate(at: number): number {
  return Date.parse(`${dateFormat.format(at)}T00:00:00Z`);
}

/**
 * The boundaries of the weeks from the one holding the day `months` months before `now` to the one holding
 * `now`: `[b0, b1, …, bn]`, week k running from b(k-1) included to bk excluded, each a Monday 00:00 Paris
 * time (ISO 8601). The last boundary is `now` or after it.
 */
export function weekBoundaries(now: Date, months = 12): string[] {
  const from = new Date(now);
  from.setUTCMonth(from.getUTCMonth() - months);
  const date = parisDate(from.getTime());
  // getUTCDay(): 0 is Sunday; back to the Monday.
  const monday = date - ((new Date(date).getUTCDay() + 6) % 7) * DAY;
  const boundaries: string[] = [];
  for (let day = monday; ; day += 7 * DAY) {
    const start = parisMidnight(day);
    boundaries.push(new Date(start).toISOString());
    if (start >= now.getTime()) return boundaries;
  }
}

/** The first instant of the UTC month `months` months before the month of `now`: the durations' period starts there. */
export function monthsBefore(now: Date, months = 12): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}
