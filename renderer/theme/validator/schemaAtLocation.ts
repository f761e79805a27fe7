import { resolveLocalRef } from '../lib/resolveLocalRef.js';
import { segmentsFromPointer } from '../lib/jsonPointer.js';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The schema object holding the keyword a validation error names: a `keywordLocation` of @cfworker/json-schema
 * such as `#/properties/legal/$ref/properties/cadre_juridique_url/format` walks `schema` and steps through each
 * `$ref` into `rootSchema`; the last segment is the keyword itself.
 */
export function schemaAtLocation(schema: object, rootSchema: object, keywordLocation: string): Node | undefined {
  const segments = segmentsFromPointer(keywordLocation);
  segments.pop();
  let node: unknown = schema;
  for (const segment of segments) {
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    if (segment === '$ref' && isNode(node) && typeof node.$ref === 'string') {
      node = resolveLocalRef(rootSchema, node.$ref);
      continue;
    }
    node = (node as Node)[segment];
  }
  return isNode(node) ? node : undefined;
}
