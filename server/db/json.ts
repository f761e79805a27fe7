/** Values as the database returns them, whatever the client: JSON text or objects, 0/1 or booleans, dates. */

/** JSON for a JSON column: text works for SQLite's TEXT and PostgreSQL's jsonb. */
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export const toBool = (value: unknown): boolean => value === true || value === 1 || value === '1';

/** An ISO 8601 timestamp, from a Date (pg), a string or a number (SQLite). */
export function toIso(value: unknown): string;
export function toIso(value: unknown, optional: true): string | undefined;
export function toIso(value: unknown, optional?: true): string | undefined {
  if (value === null || value === undefined) {
    if (optional) return undefined;
    throw new Error('A required timestamp is missing.');
  }
  return new Date(value as string | number | Date).toISOString();
}

/** The id of a row `insert(...).returning('id')` gave back: `{ id }` on PostgreSQL and recent SQLite, a bare number on older clients. */
export const insertedId = (row: unknown): number => Number(typeof row === 'object' && row !== null ? (row as { id: unknown }).id : row);
