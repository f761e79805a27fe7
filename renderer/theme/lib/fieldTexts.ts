import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';

export interface FieldTexts {
  title: string;
  description?: string;
  help?: string;
}

/** The title, description and help of a field, the uiSchema winning over the schema. */
export function fieldTexts(schema: RJSFSchema, uiSchema: UiSchema | undefined, name: string): FieldTexts {
  const options = getUiOptions(uiSchema);
  const description = options.description ?? schema.description;
  return {
    title: options.title ?? schema.title ?? name,
    ...(description ? { description } : {}),
    ...(typeof options.help === 'string' && options.help ? { help: options.help } : {}),
  };
}
