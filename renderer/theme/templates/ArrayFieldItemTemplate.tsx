import type { ArrayFieldItemTemplateProps, RJSFSchema } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** One item of a plain list, with its move and remove buttons under it. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps<any, RJSFSchema, any>) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div className="fr-fieldset__element dsfr-array-item">
      {children}
      {hasToolbar ? (
        <div className="dsfr-array-item__actions">
          <Buttons {...buttonsProps} />
        </div>
      ) : null}
    </div>
  );
}
