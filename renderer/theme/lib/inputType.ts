import type { RJSFSchema } from '@rjsf/utils';

/**
 * The `type` of an input: the widget's, `ui:options.inputType`, or `number` for numeric schemas. Unlike rjsf's
 * `getInputProps`, this never asks the locale for its decimal separator, which would differ between the server
 * and a French browser and break hydration.
 */
export function inputType(schema: RJSFSchema, widgetType: string | undefined, optionType: unknown): string {
  if (typeof optionType === 'string' && optionType) return optionType;
  if (widgetType) return widgetType;
  return schema.type === 'number' || schema.type === 'integer' ? 'number' : 'text';
}
