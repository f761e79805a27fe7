import { errorId } from '@rjsf/utils';

export interface ErrorAria {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The `aria-*` attributes of a control whose field has errors: invalid, described by `{id}__error`. */
export function errorAria(id: string, rawErrors: string[] | undefined, hideError?: boolean): ErrorAria {
  const invalid = !hideError && Boolean(rawErrors?.length);
  return invalid ? { 'aria-invalid': true, 'aria-describedby': errorId(id) } : {};
}
