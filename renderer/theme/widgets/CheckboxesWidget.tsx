import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { enumOptionsIsSelected, optionId } from '@rjsf/utils';
import { classNames } from '../lib/classNames.js';
import { labelledOptions } from '../lib/enumLabels.js';
import { enumSchemaOf } from '../lib/enumSchemaOf.js';

/**
 * DSFR checkboxes for a list of values (items with `enum` or `oneOf` consts), one `fr-fieldset__element` each;
 * FieldTemplate draws the fieldset. The list keeps the options' order whatever the order of the clicks.
 */
export function CheckboxesWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const { id, htmlName, value, disabled, readonly, autofocus, options, schema, uiSchema, registry, onChange, onBlur, onFocus } = props;
  const enumOptions = labelledOptions(options.enumOptions, enumSchemaOf(schema, registry), uiSchema?.items);
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const toggle = (index: number, checked: boolean) => {
    const target = enumOptions[index]?.value;
    const next = enumOptions.filter((o, i) => (i === index ? checked : enumOptionsIsSelected(o.value, selected))).map((o) => o.value);
    // Values the options do not know stay: the server names them, dropping them silently would hide the problem.
    const unknown = selected.filter((v) => !enumOptions.some((o) => enumOptionsIsSelected(o.value, [v])) && v !== target);
    onChange([...next, ...unknown]);
  };
  return (
    <>
      {enumOptions.map((option, index) => {
        const inputId = optionId(id, index);
        const optionDisabled = Array.isArray(options.enumDisabled) && options.enumDisabled.includes(option.value);
        return (
          <div className={classNames('fr-fieldset__element', options.inline && 'fr-fieldset__element--inline')} key={index}>
            <div className="fr-checkbox-group">
              <input
                type="checkbox"
                id={inputId}
                name={htmlName ?? id}
                value={String(index)}
                checked={enumOptionsIsSelected(option.value, selected)}
                disabled={disabled || readonly || optionDisabled}
                autoFocus={autofocus && index === 0}
                onChange={(event) => toggle(index, event.target.checked)}
                onBlur={() => onBlur(id, value)}
                onFocus={() => onFocus(id, value)}
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
