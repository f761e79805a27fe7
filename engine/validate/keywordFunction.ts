import type { ErrorObject } from 'ajv';
import type { DataValidateFunction, DataValidationCxt } from 'ajv/dist/types/index.js';

/** A data-validating function of a compiled keyword, with `this` the caller's context (passContext). */
export type KeywordFunction<T> = ((this: unknown, data: T, cxt?: DataValidationCxt) => boolean) & { errors?: Partial<ErrorObject>[] };

/** Wrap a check that returns its errors (or null) into the function shape ajv expects from `compile`. */
export function keywordFunction<T>(check: (this: unknown, data: T, instancePath: string) => Partial<ErrorObject>[] | null): DataValidateFunction {
  const fn: KeywordFunction<T> = function (this: unknown, data: T, cxt?: DataValidationCxt) {
    const errors = check.call(this, data, cxt?.instancePath ?? '');
    // ajv reads `errors` only after a false return, so a stale list is harmless and saves a delete.
    if (errors !== null) fn.errors = errors;
    return errors === null;
  };
  return fn as unknown as DataValidateFunction;
}
