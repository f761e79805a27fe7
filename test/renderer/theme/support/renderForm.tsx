import { renderToString } from 'react-dom/server';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { DsfrForm, formValidator, type DsfrFormContext } from '../../../../renderer/theme/index.js';

export interface RenderFormOptions {
  uiSchema?: UiSchema;
  formData?: unknown;
  /** An rjsf ErrorSchema: `{ step: { field: { __errors: [...] } } }`. */
  extraErrors?: Record<string, unknown>;
  formContext?: DsfrFormContext;
  readonly?: boolean;
}

/** The server HTML of the DSFR-themed form, as the pages use it: no browser validation, errors listed at the top. */
export function renderForm(schema: RJSFSchema, options: RenderFormOptions = {}): string {
  return renderToString(
    <DsfrForm
      schema={schema}
      uiSchema={options.uiSchema}
      formData={options.formData}
      extraErrors={options.extraErrors as ErrorSchema | undefined}
      formContext={options.formContext ?? {}}
      validator={formValidator}
      readonly={options.readonly}
      noValidate
      noHtml5Validate
      showErrorList="top"
    />,
  );
}

/** A step schema of one field: `{ step: { field: schema } }`, the way pages nest fields. */
export function oneField(field: RJSFSchema, options: { required?: boolean; definitions?: Record<string, RJSFSchema> } = {}): RJSFSchema {
  return {
    type: 'object',
    ...(options.definitions ? { definitions: options.definitions } : {}),
    properties: { step: { type: 'object', title: 'Étape', properties: { field }, ...(options.required ? { required: ['field'] } : {}) } },
  };
}

/** Collects what React and rjsf print to console.error while `run` runs. */
export function consoleErrors<T>(run: () => T): { result: T; errors: string[] } {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  };
  try {
    return { result: run(), errors };
  } finally {
    console.error = original;
  }
}
