import type { OutputUnit } from '@cfworker/json-schema';
import type {
  CustomValidator,
  ErrorTransformer,
  RJSFSchema,
  UiSchema,
  ValidationData,
  ValidatorType,
} from '@rjsf/utils';
import { createErrorHandler, toErrorSchema, unwrapErrorHandler, validationDataMerge } from '@rjsf/utils';
import { compileValidator } from './validator/compileValidator.js';
import { cloneJson } from './validator/cloneJson.js';
import { toValidationErrors } from './validator/toValidationErrors.js';

/** @cfworker/json-schema refuses `undefined`; JSON drops undefined members, and an absent value is `null`. */
function asJson(data: unknown): unknown {
  return cloneJson(data) ?? null;
}

function warn(error: unknown): void {
  console.warn(`formValidator: ${(error as Error).message ?? String(error)}`);
}

/**
 * rjsf's validator on @cfworker/json-schema, which interprets schemas instead of generating code: no `eval`
 * nor `new Function`, so the form runs under a `script-src 'self'` policy. Unknown keywords (`x-enum-labels`,
 * `errorMessage`…) and unknown formats (`siret`, `phone_fr`…) are ignored; the server validates them.
 */
export const formValidator: ValidatorType<any, RJSFSchema, any> = {
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      return compileValidator(schema, rootSchema ?? schema, false).validate(asJson(formData)).valid;
    } catch (error) {
      warn(error);
      return false;
    }
  },

  rawValidation<Result = OutputUnit>(schema: RJSFSchema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
    try {
      const result = compileValidator(schema, schema, true).validate(asJson(formData));
      return { errors: result.errors as Result[] };
    } catch (error) {
      return { validationError: error as Error };
    }
  },

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator<any, RJSFSchema, any>,
    transformErrors?: ErrorTransformer<any, RJSFSchema, any>,
    uiSchema?: UiSchema<any, RJSFSchema, any>,
  ): ValidationData<any> {
    const { errors: units = [], validationError } = formValidator.rawValidation<OutputUnit>(schema, formData);
    let errors = validationError
      ? [{ name: '$schema', property: '.', message: validationError.message, stack: validationError.message }]
      : toValidationErrors(units, schema, schema);
    if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
    const validation: ValidationData<any> = { errors, errorSchema: toErrorSchema(errors) };
    if (typeof customValidate !== 'function') return validation;
    const handled = customValidate(formData, createErrorHandler(formData), uiSchema, validation.errorSchema);
    return validationDataMerge(validation, unwrapErrorHandler(handled));
  },
};
