// The package root also loads rjsf's test registry, which needs @rjsf/validator-ajv8: import the module itself.
import getDefaultRegistry from '@rjsf/core/lib/getDefaultRegistry.js';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { errorId } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { classNames } from '../lib/classNames.js';
import { fieldTexts } from '../lib/fieldTexts.js';
import { fillFromUser } from '../lib/fillFromUser.js';
import { isLocked } from '../lib/isLocked.js';
import { propertyNames } from '../lib/schemaBranches.js';
import { ErrorText } from '../parts/ErrorText.js';
import { FieldHint } from '../parts/FieldHint.js';
import { RequiredMark } from '../parts/RequiredMark.js';

const CoreObjectField = getDefaultRegistry<any, RJSFSchema, DsfrFormContext>().fields.ObjectField!;

/**
 * A contact (given name, family name, e-mail…) as a card: its title and description as the legend, a
 * « C'est moi » button that fills it with `formContext.me`, then its fields as rjsf draws them.
 */
export function ContactField(props: FieldProps<any, RJSFSchema, DsfrFormContext>) {
  const { schema, uiSchema, formData, onChange, fieldPathId, registry, name, required, disabled, readonly, rawErrors, hideError } = props;
  const id = fieldPathId.$id;
  const { title, description } = fieldTexts(schema, uiSchema, name);
  const me = registry.formContext?.me;
  const errors = hideError ? undefined : rawErrors;
  const hasErrors = Boolean(errors?.length);
  const fill = () => {
    if (me) onChange(fillFromUser(formData, me, propertyNames(schema, registry.rootSchema).has('type')), fieldPathId.path);
  };
  return (
    <div className="fr-card fr-card--no-arrow fr-mb-3w dsfr-contact-card">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <fieldset
            className={classNames('fr-fieldset', hasErrors && 'fr-fieldset--error')}
            id={id}
            aria-labelledby={`${id}__legend`}
            aria-describedby={hasErrors ? errorId(id) : undefined}
          >
            <legend className="fr-fieldset__legend" id={`${id}__legend`}>
              {title}
              <RequiredMark required={required} />
              <FieldHint description={description} locked={isLocked(registry.formContext, fieldPathId.path)} />
            </legend>
            {me && !disabled && !readonly ? (
              <div className="fr-fieldset__element">
                <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={fill}>
                  C'est moi<span className="fr-sr-only"> : remplir « {title} » avec mes coordonnées</span>
                </button>
              </div>
            ) : null}
            <CoreObjectField {...props} uiSchema={{ ...uiSchema, 'ui:label': false }} />
            <div className="fr-messages-group">
              <ErrorText id={id} errors={errors} />
            </div>
          </fieldset>
        </div>
      </div>
    </div>
  );
}
