import { isPlainObject } from '../../engine/validate/jsonValue.js';
import { segmentsFromPointer } from '../theme/lib/jsonPointer.js';

/** A copy of `data` with `value` at `pointer` (objects created on the way), or without it when `value` is undefined. */
export function withValueAt(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const set = (node: unknown, segments: string[]): unknown => {
    const [key, ...rest] = segments;
    if (key === undefined) return value;
    const entries = Object.entries(isPlainObject(node) ? node : {}).filter(([k]) => k !== key);
    const child = set(isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined, rest);
    return Object.fromEntries(child === undefined ? entries : [...entries, [key, child]]);
  };
  return set(data, segmentsFromPointer(pointer)) as Record<string, unknown>;
}
