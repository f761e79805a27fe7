import type { FieldPathList } from '@rjsf/utils';

/** One JSON pointer segment, escaped (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One JSON pointer segment, unescaped; `~1` first would turn `~01` into `/` instead of `~1`. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The JSON pointer of an rjsf field path: `['legal', 'cadre_juridique_document']` → `/legal/cadre_juridique_document`. */
export function pointerFromPath(path: FieldPathList): string {
  return path.map((segment) => `/${escapeSegment(segment)}`).join('');
}

/** The unescaped segments of a JSON pointer; `''` (the whole document) has none. A leading `#` is accepted. */
export function segmentsFromPointer(pointer: string): string[] {
  const bare = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (bare === '') return [];
  return bare.split('/').slice(1).map(unescapeSegment);
}
