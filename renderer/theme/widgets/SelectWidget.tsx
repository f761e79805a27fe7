import type { ChangeEvent, FocusEvent } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { enumOptionsIndexForValue, enumOptionsValueForIndex } from '@rjsf/utils';
import { errorAria } from '../lib/errorAria.js';
import { labelledOptions } from '../lib/enumLabels.js';
import { enumSchemaOf } from '../lib/enumSchemaOf.js';

/** A DSFR `fr-select` of the values of `enum` (labels from `x-enum-labels`) or of `oneOf` consts (their titles). */
export function SelectWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const { id, htmlName, value, multiple, placeholder, required, disabled, readonly, autofocus, options, schema, uiSchema, registry, rawErrors, hideError, onChange, onBlur, onFocus } = props;
  const enumOptions = labelledOptions(options.enumOptions, enumSchemaOf(schema, registry), multiple ? uiSchema?.items : uiSchema);
  const selected = enumOptionsIndexForValue(value, enumOptions, multiple);
  const empty = multiple ? [] : '';
  const valueOf = (event: { target: HTMLSelectElement }) =>
    enumOptionsValueForIndex(multiple ? Array.from(event.target.selectedOptions, (o) => o.value) : event.target.value, enumOptions, options.emptyValue);
  return (
    <select
      className="fr-select"
      id={id}
      name={htmlName ?? id}
      multiple={multiple}
      value={selected ?? empty}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      {...errorAria(id, rawErrors, hideError)}
      onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(valueOf(event))}
      onBlur={(event: FocusEvent<HTMLSelectElement>) => onBlur(id, valueOf(event))}
      onFocus={(event: FocusEvent<HTMLSelectElement>) => onFocus(id, valueOf(event))}
    >
      {multiple ? null : (
        <option value="" disabled={required} hidden={required}>
          {placeholder || 'Sélectionner une option'}
        </option>
      )}
      {enumOptions.map((option, index) => (
        <option key={index} value={String(index)} disabled={Array.isArray(options.enumDisabled) && options.enumDisabled.includes(option.value)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
