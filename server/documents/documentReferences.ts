import { subschemasAt, toPointer, type JsonSchema } from '../../engine/index.js';
import { isDocumentSchema } from './documentFields.js';

/** One uploaded file as the request data references it, with where. */
export interface DocumentReference {
  /** JSON pointer into the data (`/legal/cadre_juridique_document/0`). */
  pointer: string;
  id: unknown;
  filename: unknown;
  contentType: unknown;
  size: unknown;
}

/**
 * Every object of `data` at a place the schema describes as an uploaded file (an object with `id` and
 * `content_type`), found by walking the data: the schema is asked only about objects that have an `id`.
 */
export function documentReferences(schema: JsonSchema, data: unknown): DocumentReference[] {
  const found: DocumentReference[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, String(i)]));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if ('id' in object && subschemasAt(schema, path).some(isDocumentSchema)) {
      found.push({ pointer: toPointer(path), id: object.id, filename: object.filename, contentType: object.content_type, size: object.size });
      return;
    }
    for (const [key, child] of Object.entries(object)) walk(child, [...path, key]);
  };
  walk(data, []);
  return found;
}
