import type { EnumOptionsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';

/** The annotation that sits beside `enum` with one label per value, in the same order. */
export const ENUM_LABELS_KEYWORD = 'x-enum-labels';

/**
 * rjsf's enum options with their labels from `x-enum-labels` (rjsf knows only `oneOf` titles and
 * `ui:enumNames`, which still win). `enumSchema` is the schema holding `enum`: the field's, or its items'.
 */
export function labelledOptions(
  options: EnumOptionsType<RJSFSchema>[] | undefined,
  enumSchema: RJSFSchema | undefined,
  uiSchema?: unknown,
): EnumOptionsType<RJSFSchema>[] {
  if (!options) return [];
  const labels = enumSchema?.[ENUM_LABELS_KEYWORD];
  const values = enumSchema?.enum;
  if (!Array.isArray(labels) || !Array.isArray(values) || (uiSchema && typeof uiSchema === 'object' && getUiOptions(uiSchema as UiSchema).enumNames)) return options;
  return options.map((option) => {
    const label = labels[values.indexOf(option.value)];
    return typeof label === 'string' ? { ...option, label } : option;
  });
}
