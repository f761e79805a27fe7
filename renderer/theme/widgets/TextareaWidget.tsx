import type { ChangeEvent, FocusEvent } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { classNames } from '../lib/classNames.js';
import { errorAria } from '../lib/errorAria.js';

/** A multi-line text, as a DSFR `fr-input` textarea (5 rows unless `ui:options.rows`). */
export function TextareaWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const { id, htmlName, value, placeholder, required, disabled, readonly, autofocus, options, schema, rawErrors, hideError, onChange, onBlur, onFocus } = props;
  const aria = errorAria(id, rawErrors, hideError);
  return (
    <textarea
      className={classNames('fr-input', aria['aria-invalid'] && 'fr-input--error')}
      id={id}
      name={htmlName ?? id}
      value={value ?? ''}
      rows={typeof options.rows === 'number' ? options.rows : 5}
      placeholder={placeholder || undefined}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      {...aria}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value === '' ? options.emptyValue : event.target.value)}
      onBlur={(event: FocusEvent<HTMLTextAreaElement>) => onBlur(id, event.target.value)}
      onFocus={(event: FocusEvent<HTMLTextAreaElement>) => onFocus(id, event.target.value)}
    />
  );
}
