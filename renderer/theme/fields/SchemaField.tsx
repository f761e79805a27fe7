// The package root also loads rjsf's test registry, which needs @rjsf/validator-ajv8: import the module itself.
import getDefaultRegistry from '@rjsf/core/lib/getDefaultRegistry.js';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { isLocked } from '../lib/isLocked.js';
import { themedUiSchema } from '../lib/themedUiSchema.js';

const CoreSchemaField = getDefaultRegistry<any, RJSFSchema, DsfrFormContext>().fields.SchemaField!;

/**
 * rjsf's SchemaField, which every field goes through, with the theme's choices: its own fields where the schema
 * calls for them (see `themedUiSchema`) and the fields locked by the use case made read-only.
 */
export function SchemaField(props: FieldProps<any, RJSFSchema, DsfrFormContext>) {
  const { schema, uiSchema, fieldPathId, registry, readonly } = props;
  const themed = themedUiSchema(schema, uiSchema, fieldPathId.path, registry);
  const locked = isLocked(registry.formContext, fieldPathId.path);
  return <CoreSchemaField {...props} uiSchema={themed} readonly={Boolean(readonly) || locked} />;
}
