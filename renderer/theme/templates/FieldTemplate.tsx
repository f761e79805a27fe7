import type { FieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { errorId } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { classNames } from '../lib/classNames.js';
import { fieldKind } from '../lib/fieldKind.js';
import { isLocked } from '../lib/isLocked.js';
import { ErrorText } from '../parts/ErrorText.js';
import { FieldHint } from '../parts/FieldHint.js';
import { RequiredMark } from '../parts/RequiredMark.js';

/**
 * Frames one field the DSFR way: label (or legend) with its hints, the control rendered by the widget, and the
 * error message `{id}__error` that the control names in `aria-describedby`. Objects, lists and the theme's own
 * fields frame themselves.
 */
export function FieldTemplate(props: FieldTemplateProps<any, RJSFSchema, DsfrFormContext>) {
  const { id, label, required, rawErrors, rawHelp, rawDescription, hidden, hideError, displayLabel, disabled, children, schema, uiSchema, registry, fieldPathId } = props;
  if (hidden) return <div hidden>{children}</div>;
  const kind = fieldKind(schema, uiSchema, registry.schemaUtils);
  const errors = hideError ? undefined : rawErrors;
  const hasErrors = Boolean(errors?.length);
  const hint = <FieldHint description={rawDescription} help={rawHelp} locked={isLocked(registry.formContext, fieldPathId.path)} />;

  switch (kind) {
    case 'hidden':
    case 'self':
      return children;
    case 'container':
      return (
        <>
          {children}
          <ErrorText id={id} errors={errors} />
        </>
      );
    case 'checkbox':
      return (
        <div className={classNames('fr-checkbox-group', hasErrors && 'fr-checkbox-group--error')}>
          {children}
          <label className="fr-label" htmlFor={id}>
            {label}
            <RequiredMark required={required} />
            {hint}
          </label>
          <ErrorText id={id} errors={errors} />
        </div>
      );
    case 'group':
      return (
        <fieldset
          className={classNames('fr-fieldset', hasErrors && 'fr-fieldset--error')}
          id={id}
          aria-labelledby={`${id}__legend`}
          aria-describedby={hasErrors ? errorId(id) : undefined}
        >
          <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}__legend`}>
            {label}
            <RequiredMark required={required} />
            {hint}
          </legend>
          {children}
          <div className="fr-messages-group">
            <ErrorText id={id} errors={errors} />
          </div>
        </fieldset>
      );
    default: {
      const group = kind === 'select' ? 'fr-select-group' : 'fr-input-group';
      return (
        <div className={classNames(group, hasErrors && `${group}--error`, disabled && `${group}--disabled`)}>
          <label className={classNames('fr-label', displayLabel === false && 'fr-sr-only')} htmlFor={id}>
            {label}
            <RequiredMark required={required} />
            {hint}
          </label>
          {children}
          <ErrorText id={id} errors={errors} />
        </div>
      );
    }
  }
}
