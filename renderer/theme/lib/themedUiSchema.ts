import type { FieldPathList, Registry, RJSFSchema, UiSchema } from '@rjsf/utils';
import { getSchemaType, getUiOptions } from '@rjsf/utils';
import { customFieldFor } from './customFieldFor.js';
import { hasConstraintOnlyBranches } from './hasConstraintOnlyBranches.js';
import { schemaBranches } from './schemaBranches.js';

/**
 * The uiSchema of a field with the theme's choices added where the definition made none: the theme's fields
 * (scopes, documents, contacts), checkboxes for a list of values, and no branch selector for an object whose
 * `anyOf`/`oneOf` only add rules. A `ui:field` or `ui:widget` of the definition always wins.
 */
export function themedUiSchema(schema: RJSFSchema, uiSchema: UiSchema | undefined, path: FieldPathList, registry: Registry<any, RJSFSchema, any>): UiSchema | undefined {
  const options = getUiOptions(uiSchema);
  if (options.field) return uiSchema;
  const { rootSchema, schemaUtils } = registry;
  const custom = customFieldFor(schema, path, rootSchema);
  if (custom) return { ...uiSchema, 'ui:field': custom, 'ui:fieldReplacesAnyOrOneOf': true };
  const isObject = schemaBranches(schema, rootSchema).some((s) => getSchemaType(s) === 'object' || s.properties !== undefined);
  if (isObject && hasConstraintOnlyBranches(schema, rootSchema)) return { ...uiSchema, 'ui:field': 'ObjectField', 'ui:fieldReplacesAnyOrOneOf': true };
  if (options.widget === undefined && schemaUtils.isMultiSelect(schema)) return { ...uiSchema, 'ui:widget': 'checkboxes' };
  return uiSchema;
}
