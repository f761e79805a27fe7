import type { ChangeEvent, FocusEvent } from 'react';
import type { BaseInputTemplateProps, RJSFSchema } from '@rjsf/utils';
import { classNames } from '../lib/classNames.js';
import { errorAria } from '../lib/errorAria.js';
import { inputType } from '../lib/inputType.js';
import { numberAttributes } from '../lib/numberAttributes.js';

/** The DSFR `fr-input` every text-like widget renders (text, e-mail, URL, number, date…); its label is FieldTemplate's. */
export function BaseInputTemplate(props: BaseInputTemplateProps<any, RJSFSchema, any>) {
  const { id, htmlName, value, type, placeholder, required, disabled, readonly, autofocus, options, schema, rawErrors, hideError, onChange, onChangeOverride, onBlur, onFocus } = props;
  const kind = inputType(schema, type, options.inputType);
  const aria = errorAria(id, rawErrors, hideError);
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value === '' ? options.emptyValue : event.target.value);
  return (
    <input
      className={classNames('fr-input', aria['aria-invalid'] && 'fr-input--error')}
      id={id}
      name={htmlName ?? id}
      type={kind}
      value={value ?? ''}
      placeholder={placeholder || undefined}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      autoComplete={typeof options.autocomplete === 'string' ? options.autocomplete : undefined}
      maxLength={kind !== 'number' && typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      {...numberAttributes(schema, kind)}
      {...aria}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(event: FocusEvent<HTMLInputElement>) => onBlur(id, event.target.value)}
      onFocus={(event: FocusEvent<HTMLInputElement>) => onFocus(id, event.target.value)}
    />
  );
}
