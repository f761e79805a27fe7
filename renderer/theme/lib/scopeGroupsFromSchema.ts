import type { RJSFSchema } from '@rjsf/utils';
import type { ScopeGroup } from '../../../engine/index.js';
import { ENUM_LABELS_KEYWORD } from './enumLabels.js';
import { itemSchemas, keywordOf } from './schemaBranches.js';

/** One group of every scope of the schema (`enum` with `x-enum-labels`), when the page gave no groups. */
export function scopeGroupsFromSchema(schema: RJSFSchema, rootSchema: object, title: string): ScopeGroup[] {
  const items = itemSchemas(schema, rootSchema);
  const values = keywordOf(items, 'enum');
  const labels = keywordOf(items, ENUM_LABELS_KEYWORD);
  if (!Array.isArray(values)) return [];
  return [
    {
      group: title,
      items: values.map((value, i) => ({ value: String(value), label: Array.isArray(labels) && typeof labels[i] === 'string' ? labels[i] : String(value) })),
    },
  ];
}
