/**
 * Calendar days as French users mean them: a day in Europe/Paris, whatever the server's time zone. A filter
 * « créées du 24 au 30 novembre » covers from midnight on the 24th to midnight ending the 30th, Paris time.
 */

/** `YYYY-MM-DD` naming a real day. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** Paris's offset from UTC at an instant, in milliseconds. */
function parisOffset(at: number): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}

/**
 * The instant a Paris day starts (ISO 8601, UTC), `days` later than `day`. France changes its clocks at
 * 01:00 UTC, never between 22:00 and 23:00 UTC: the offset an hour before the UTC midnight is the one of the
 * Paris midnight.
 */
export function parisDayStart(day: string, days = 0): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(utcMidnight - parisOffset(utcMidnight - 3_600_000)).toISOString();
}
