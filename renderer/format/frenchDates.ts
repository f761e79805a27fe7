const PARIS = 'Europe/Paris';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PARIS });
const hourFormat = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone: PARIS });

/** « 3 mars 2026 », « 1er mars 2026 » in Paris time. */
export function dateFr(iso: string | Date): string {
  const text = dateFormat.format(typeof iso === 'string' ? new Date(iso) : iso);
  return text.replace(/^1 /, '1er ');
}

/** « 14 h 32 » in Paris time, as French typography writes hours. */
export function hourFr(iso: string | Date): string {
  const parts = hourFormat.formatToParts(typeof iso === 'string' ? new Date(iso) : iso);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return `${Number(hour)} h ${minute}`;
}

/** « 3 mars 2026 à 14 h 32 ». */
export const dateTimeFr = (iso: string | Date) => `${dateFr(iso)} à ${hourFr(iso)}`;

/** A duration in days, as an applicant reads it: « moins d’un jour », « 1 jour », « 12 jours ». */
export function daysFr(days: number): string {
  if (days < 1) return 'moins d’un jour';
  const rounded = Math.round(days);
  return rounded === 1 ? '1 jour' : `${rounded} jours`;
}

/** A file size: « 820 ko », « 1,2 Mo ». */
export function sizeFr(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}
