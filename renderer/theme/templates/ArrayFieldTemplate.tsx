import type { ArrayFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { buttonId, getUiOptions } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { isLocked } from '../lib/isLocked.js';
import { FieldHint } from '../parts/FieldHint.js';
import { RequiredMark } from '../parts/RequiredMark.js';

/** A plain list (neither a choice of values nor documents): a `fr-fieldset` of items and an add button. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps<any, RJSFSchema, DsfrFormContext>) {
  const { title, items, canAdd, onAddClick, disabled, readonly, required, fieldPathId, schema, uiSchema, registry } = props;
  const id = fieldPathId.$id;
  const options = getUiOptions(uiSchema);
  const description = options.description ?? schema.description;
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <fieldset className="fr-fieldset" id={id} aria-labelledby={`${id}__legend`}>
      <legend className="fr-fieldset__legend" id={`${id}__legend`}>
        {title}
        <RequiredMark required={required} />
        <FieldHint description={description} help={typeof options.help === 'string' ? options.help : undefined} locked={isLocked(registry.formContext, fieldPathId.path)} />
      </legend>
      {items}
      {canAdd ? (
        <div className="fr-fieldset__element">
          <AddButton id={buttonId(id, 'add')} onClick={onAddClick} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
        </div>
      ) : null}
    </fieldset>
  );
}
