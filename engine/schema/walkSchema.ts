import { toPointer } from '../source/SourceFile.js';

/** Keywords whose value is a schema. */
const SCHEMA_KEYWORDS = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not'] as const;
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'items'] as const;
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', 'dependencies'] as const;

export interface SchemaVisit {
  node: Record<string, unknown>;
  /** Segments from the file's root to this schema. */
  path: (string | number)[];
  pointer: string;
}

/**
 * Visit every subschema of a JSON Schema document (draft-07 keywords), depth first, with its JSON pointer.
 * Tolerates any value: non-object schemas are skipped, so it can run on unchecked input.
 */
export function walkSchema(root: unknown, visit: (v: SchemaVisit) => void, path: (string | number)[] = []): void {
  if (!root || typeof root !== 'object' || Array.isArray(root)) return;
  const node = root as Record<string, unknown>;
  visit({ node, path, pointer: toPointer(path) });
  for (const keyword of SCHEMA_KEYWORDS) {
    const sub = node[keyword];
    if (sub && typeof sub === 'object' && !Array.isArray(sub)) walkSchema(sub, visit, [...path, keyword]);
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const list = node[keyword];
    if (Array.isArray(list)) list.forEach((sub, i) => walkSchema(sub, visit, [...path, keyword, i]));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = node[keyword];
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      for (const [name, sub] of Object.entries(map)) {
        // dependencies may list property names instead of a schema.
        if (!Array.isArray(sub)) walkSchema(sub, visit, [...path, keyword, name]);
      }
    }
  }
}
