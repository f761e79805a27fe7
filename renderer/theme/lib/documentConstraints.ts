import type { RJSFSchema } from '@rjsf/utils';
import { isDocumentListSchema, isDocumentSchema } from './isDocumentSchema.js';
import { itemSchemas, keywordOf, propertySchemas, schemaBranches } from './schemaBranches.js';

/** What the schema accepts for a documents field, read from the document's `content_type` and `size` rules. */
export interface DocumentConstraints {
  /** A list of documents, or a single one. */
  multiple: boolean;
  /** Accepted content types (`const`/`enum` of `content_type`); empty when any type goes. */
  accept: string[];
  /** Largest size of one file, in bytes (`maximum` of `size`). */
  maxSize?: number;
  /** Most files in the list (`maxItems`). */
  maxCount?: number;
}

export function documentConstraints(schema: RJSFSchema, rootSchema: object): DocumentConstraints {
  const multiple = isDocumentListSchema(schema, rootSchema);
  const documents = (multiple ? itemSchemas(schema, rootSchema) : schemaBranches(schema, rootSchema)).filter((s) => isDocumentSchema(s, rootSchema));
  const accept = new Set<string>();
  let maxSize: number | undefined;
  for (const document of documents) {
    for (const type of propertySchemas(document, rootSchema, 'content_type')) {
      if (typeof type.const === 'string') accept.add(type.const);
      if (Array.isArray(type.enum)) for (const value of type.enum) if (typeof value === 'string') accept.add(value);
    }
    for (const size of propertySchemas(document, rootSchema, 'size')) {
      if (typeof size.maximum === 'number') maxSize = Math.min(maxSize ?? Infinity, size.maximum);
    }
  }
  const maxItems = multiple ? keywordOf(schemaBranches(schema, rootSchema), 'maxItems') : 1;
  return {
    multiple,
    accept: [...accept],
    ...(maxSize !== undefined ? { maxSize } : {}),
    ...(typeof maxItems === 'number' ? { maxCount: maxItems } : {}),
  };
}
