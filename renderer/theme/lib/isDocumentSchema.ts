import { itemSchemas, propertyNames, schemaBranches } from './schemaBranches.js';

const DOCUMENT_PROPERTIES = ['id', 'filename', 'content_type', 'size'];

/** Whether `schema` describes a document reference `{ id, filename, content_type, size }` (definitions/_shared/document.json). */
export function isDocumentSchema(schema: unknown, rootSchema: object): boolean {
  const names = propertyNames(schema, rootSchema);
  return DOCUMENT_PROPERTIES.every((name) => names.has(name));
}

/** Whether `schema` describes a list of document references (`pdf_list`). */
export function isDocumentListSchema(schema: unknown, rootSchema: object): boolean {
  const isArray = schemaBranches(schema, rootSchema).some((s) => s.type === 'array' || s.items !== undefined);
  return isArray && itemSchemas(schema, rootSchema).some((item) => isDocumentSchema(item, rootSchema));
}
