import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { subschemasAt } from '../../engine/schema/subschemasAt.js';
import { isPlainObject } from '../../engine/validate/jsonValue.js';

/** The label a form shows for an enumerated value: a `oneOf` const's title, or `x-enum-labels` beside `enum`. */
function optionLabel(schemas: JsonSchema[], value: unknown): string | undefined {
  for (const s of schemas) {
    for (const option of (s.oneOf ?? s.anyOf ?? []) as JsonSchema[]) if (option?.const === value && typeof option.title === 'string') return option.title;
    const labels = (s as Record<string, unknown>)['x-enum-labels'];
    const i = Array.isArray(s.enum) && Array.isArray(labels) ? s.enum.indexOf(value as never) : -1;
    if (i >= 0 && typeof (labels as unknown[])[i] === 'string') return (labels as string[])[i];
  }
  return undefined;
}

/**
 * A value of the request's data as the applicant reads it when choosing between two versions of a field:
 * choices by their labels, Oui/Non, file names, « (vide) » for nothing.
 */
export function valueText(root: JsonSchema, path: readonly string[], value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return '(vide)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value)) return value.map((v, i) => valueText(root, [...path, String(i)], v)).join(', ');
  if (isPlainObject(value)) return typeof value.filename === 'string' ? value.filename : JSON.stringify(value);
  return optionLabel(subschemasAt(root, path), value) ?? String(value);
}
