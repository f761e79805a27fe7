import type { GlobalFormOptions, RJSFSchema, UiSchema } from '@rjsf/utils';
import { isDocumentListSchema, isDocumentSchema } from './isDocumentSchema.js';
import { itemSchemas, keywordOf, propertySchemas } from './schemaBranches.js';

export interface ErrorTarget {
  /** The id of the element that shows the field, when the error is not about the whole form. */
  anchor?: string;
  /** The field's title, as its label shows it. */
  title?: string;
}

/** A field whose parts have no element of their own: its errors point at the field itself. */
function isOpaque(schemas: RJSFSchema[], rootSchema: object): boolean {
  const [first] = schemas;
  if (!first) return true;
  if (schemas.some((s) => isDocumentListSchema(s, rootSchema) || isDocumentSchema(s, rootSchema))) return true;
  // A choice of values (checkboxes, multiple select): its items are options, not fields.
  return itemSchemas(first, rootSchema).some((item) => Array.isArray(item.enum) || Array.isArray(item.oneOf));
}

/**
 * Where the error summary links to for an error at `path` (data segments) and what it calls the field: the id
 * rjsf gives the field (`root_basic_infos_intitule`), cut at fields that have no element per part (documents,
 * choices of values), and the field's title across the schema's branches, so a field of a `then` branch is
 * named too. The root has no anchor: the page's own ids may use the prefix.
 */
export function errorTarget(path: string[], schema: RJSFSchema, uiSchema: UiSchema | undefined, options: GlobalFormOptions): ErrorTarget {
  const rootSchema = schema;
  let current: RJSFSchema[] = [schema];
  let ui: UiSchema | undefined = uiSchema;
  const anchorPath: string[] = [];
  let title: string | undefined;
  for (const segment of path) {
    if (anchorPath.length && isOpaque(current, rootSchema)) break;
    const isIndex = /^\d+$/.test(segment);
    const next = [...new Set(current.flatMap((s) => (isIndex ? itemSchemas(s, rootSchema) : propertySchemas(s, rootSchema, segment))))];
    if (!next.length) break;
    const nextUi: unknown = isIndex ? ui?.items : ui?.[segment];
    ui = nextUi && typeof nextUi === 'object' ? (nextUi as UiSchema) : undefined;
    current = next;
    anchorPath.push(segment);
    const uiTitle = ui?.['ui:title'] ?? ui?.['ui:options']?.title;
    const schemaTitle = keywordOf(next, 'title');
    title = typeof uiTitle === 'string' ? uiTitle : typeof schemaTitle === 'string' ? schemaTitle : title;
  }
  if (!anchorPath.length) return {};
  return { anchor: [options.idPrefix, ...anchorPath].join(options.idSeparator), ...(title ? { title } : {}) };
}
