import type { ErrorSchema } from '@rjsf/utils';
import { segmentsFromPointer } from './lib/jsonPointer.js';

/** A problem the server found in the data: where (a JSON pointer, `''` for the whole form) and what, in French. */
export interface FormIssue {
  pointer: string;
  message: string;
}

/**
 * The rjsf ErrorSchema of the server's issues, for `extraErrors`: `/basic_infos/intitule` becomes
 * `{ basic_infos: { intitule: { __errors: [message] } } }`; pointer segments are unescaped (`~1` → `/`, `~0` → `~`).
 */
export function errorSchemaFromIssues(issues: readonly FormIssue[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { pointer, message } of issues) {
    let node = root;
    for (const segment of segmentsFromPointer(pointer)) {
      const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (child && typeof child === 'object') {
        node = child as Record<string, unknown>;
        continue;
      }
      // defineProperty, not assignment: a segment such as `__proto__` must be an entry, not the prototype.
      const entry: Record<string, unknown> = {};
      Object.defineProperty(node, segment, { value: entry, enumerable: true, writable: true, configurable: true });
      node = entry;
    }
    const errors = Array.isArray(node.__errors) ? (node.__errors as string[]) : (node.__errors = []);
    errors.push(message);
  }
  return root as ErrorSchema;
}
