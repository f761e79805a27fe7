import { toPointer } from '../source/SourceFile.js';
import type { DataChange } from './Effect.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own property only: data keys come from users and must not reach Object.prototype. */
function get(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(get(a, k), get(b, k)));
  }
  return false;
}

/**
 * The values that differ between two versions of request data, by JSON pointer. Objects are walked into;
 * arrays (scopes, files) are compared whole, since an instructor reads "scopes: before → after".
 */
export function dataChanges(before: Record<string, unknown>, after: Record<string, unknown>): DataChange[] {
  const changes: DataChange[] = [];
  const walk = (a: unknown, b: unknown, path: string[]) => {
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(get(a, key), get(b, key), [...path, key]);
      return;
    }
    if (sameValue(a, b)) return;
    changes.push({ pointer: toPointer(path), ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) });
  };
  walk(before, after, []);
  return changes;
}

/** `base` with `over` laid on it: objects merged key by key, anything else replaced. Neither is mutated. */
export function mergeData(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = get(out, key);
    const merged = isPlainObject(under) && isPlainObject(value) ? mergeData(under, value) : value;
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export { isPlainObject };
