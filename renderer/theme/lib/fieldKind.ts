import type { RJSFSchema, SchemaUtilsType, UiSchema } from '@rjsf/utils';
import { getSchemaType, getUiOptions } from '@rjsf/utils';

/**
 * How FieldTemplate frames a field, after the widget rjsf will pick:
 * - `input`: a `fr-input-group`, label then control; `select`: the same as a `fr-select-group`;
 * - `checkbox`: a `fr-checkbox-group`, control then label;
 * - `group`: a `fr-fieldset` whose legend labels radios or checkboxes;
 * - `container`: an object or a list, framed by its own template;
 * - `self`: one of the theme's fields, which frames itself; `hidden`: nothing to show.
 */
export type FieldKind = 'input' | 'select' | 'checkbox' | 'group' | 'container' | 'self' | 'hidden';

/** Fields of core rjsf that the theme's SchemaField names to steer rjsf, not fields of the theme. */
const CORE_FIELDS = new Set(['ObjectField', 'ArrayField']);

export function fieldKind(schema: RJSFSchema, uiSchema: UiSchema | undefined, schemaUtils: SchemaUtilsType): FieldKind {
  const { field, widget } = getUiOptions(uiSchema);
  if (field && !(typeof field === 'string' && CORE_FIELDS.has(field))) return 'self';
  if (widget === 'hidden') return 'hidden';
  const declared = getSchemaType(schema);
  const type = Array.isArray(declared) ? declared[0] : declared;
  if (type === 'object') return 'container';
  if (type === 'array') {
    if (!schemaUtils.isMultiSelect(schema)) return 'container';
    return widget === 'select' ? 'select' : 'group';
  }
  if (type === 'boolean') {
    if (widget === 'select') return 'select';
    return widget === 'radio' ? 'group' : 'checkbox';
  }
  if (widget === 'radio' || widget === 'checkboxes') return 'group';
  if (widget === 'select' || (widget === undefined && schemaUtils.isSelect(schema))) return 'select';
  return 'input';
}
