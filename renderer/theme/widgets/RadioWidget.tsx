import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { enumOptionsIsSelected, enumOptionsValueForIndex, optionId } from '@rjsf/utils';
import { classNames } from '../lib/classNames.js';
import { labelledOptions } from '../lib/enumLabels.js';

/** DSFR radio buttons, one `fr-fieldset__element` each; FieldTemplate draws the fieldset and its legend. */
export function RadioWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, options, schema, uiSchema, onChange, onBlur, onFocus } = props;
  const enumOptions = labelledOptions(options.enumOptions, schema, uiSchema);
  const valueAt = (index: number) => enumOptionsValueForIndex(index, enumOptions, options.emptyValue);
  return (
    <>
      {enumOptions.map((option, index) => {
        const inputId = optionId(id, index);
        const optionDisabled = Array.isArray(options.enumDisabled) && options.enumDisabled.includes(option.value);
        return (
          <div className={classNames('fr-fieldset__element', options.inline && 'fr-fieldset__element--inline')} key={index}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={inputId}
                name={htmlName ?? id}
                value={String(index)}
                checked={value !== undefined && enumOptionsIsSelected(option.value, value)}
                required={required}
                disabled={disabled || readonly || optionDisabled}
                autoFocus={autofocus && index === 0}
                onChange={() => onChange(valueAt(index))}
                onBlur={() => onBlur(id, valueAt(index))}
                onFocus={() => onFocus(id, valueAt(index))}
              />
              <label className="fr-label" htmlFor={inputId}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </>
  );
}
