const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/**
 * An ISO date (`2024-03-01`, a time part is ignored) in French: « 1er mars 2024 ». Written by hand so that the
 * server and the browser print the same text whatever their locale data.
 */
export function formatFrenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  const day = Number(match[3]);
  return `${day === 1 ? '1er' : String(day)} ${month} ${match[1]}`;
}
