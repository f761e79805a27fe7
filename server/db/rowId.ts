/** The largest id a row can have: PostgreSQL's `integer`, which `increments()` creates (SQLite's are wider). */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * A row id from a client's text or JSON number, or undefined when no row can have it: anything but decimal
 * digits, or beyond `MAX_ROW_ID`, which PostgreSQL refuses to compare with its ids (an error, a 500, where
 * an unknown id must simply find nothing).
 */
export function parseRowId(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_ROW_ID ? id : undefined;
}
