import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { errorAria } from '../lib/errorAria.js';

/**
 * The box of a boolean; FieldTemplate wraps it in a `fr-checkbox-group` and puts the label after it. A
 * read-only box is disabled, since browsers ignore `readonly` on checkboxes.
 */
export function CheckboxWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, rawErrors, hideError, onChange, onBlur, onFocus } = props;
  return (
    <input
      type="checkbox"
      id={id}
      name={htmlName ?? id}
      checked={value === true}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      {...errorAria(id, rawErrors, hideError)}
      onChange={(event) => onChange(event.target.checked)}
      onBlur={(event) => onBlur(id, event.target.checked)}
      onFocus={(event) => onFocus(id, event.target.checked)}
    />
  );
}
