import { deepEqual, isPlainObject } from '../../engine/validate/jsonValue.js';
import { escapeSegment } from '../theme/lib/jsonPointer.js';

/** A value both sides changed, each its own way, at `pointer`. */
export interface MergeConflict {
  pointer: string;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** The merged data; where both sides changed one value, it holds `mine` until the applicant chooses. */
  data: Record<string, unknown>;
  conflicts: MergeConflict[];
}

/**
 * Three-way merge of request data: what the page last read from the server (`base`), what the page holds now
 * (`mine`) and what the server holds now (`theirs`). Objects are merged key by key; any other value (a text, a
 * number, a list of scopes or of documents) is a leaf, kept from the side that changed it. A leaf both sides
 * changed differently is a conflict, which only the applicant can settle.
 */
export function mergeByPointer(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): MergeResult {
  const conflicts: MergeConflict[] = [];
  const merge = (b: unknown, m: unknown, t: unknown, pointer: string): unknown => {
    if (deepEqual(m, t)) return m;
    if (deepEqual(b, m)) return t;
    if (deepEqual(b, t)) return m;
    if (isPlainObject(m) && isPlainObject(t)) {
      const under = isPlainObject(b) ? b : {};
      const entries: [string, unknown][] = [];
      for (const key of new Set([...Object.keys(m), ...Object.keys(t)])) {
        const value = merge(own(under, key), own(m, key), own(t, key), `${pointer}/${escapeSegment(key)}`);
        if (value !== undefined) entries.push([key, value]);
      }
      // fromEntries defines own properties: a key such as `__proto__` stays data.
      return Object.fromEntries(entries);
    }
    conflicts.push({ pointer, mine: m, theirs: t });
    return m;
  };
  return { data: merge(base, mine, theirs, '') as Record<string, unknown>, conflicts };
}

/** Own property only: keys come from users and must not reach Object.prototype. */
const own = (record: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
