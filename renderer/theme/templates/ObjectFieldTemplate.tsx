import type { ObjectFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import { descriptionId } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { isLocked } from '../lib/isLocked.js';
import { FieldHint } from '../parts/FieldHint.js';
import { RequiredMark } from '../parts/RequiredMark.js';

/**
 * The fields of an object. The root and a step (depth 1) show their fields without a legend, since the page
 * titles the step; a step's description comes first. Deeper objects are a `fr-fieldset` whose legend is their
 * title; without a title (`ui:label: false`, or a contact card that draws its own frame) only the elements remain.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps<any, RJSFSchema, DsfrFormContext>) {
  const { title, description, properties, fieldPathId, required, registry } = props;
  const id = fieldPathId.$id;
  const depth = fieldPathId.path.length;
  const text = typeof description === 'string' ? description : undefined;
  if (depth === 0) return <>{properties.map((p) => p.content)}</>;
  const locked = isLocked(registry.formContext, fieldPathId.path);
  if (depth === 1) {
    return (
      <div className="dsfr-step" id={id}>
        {description ? (
          <p className="fr-text--sm" id={descriptionId(id)}>
            {description}
          </p>
        ) : null}
        {locked ? (
          <p className="fr-mb-2w">
            <FieldHint locked />
          </p>
        ) : null}
        {properties.map((p) => p.content)}
      </div>
    );
  }
  const elements = properties.map((p) =>
    p.hidden ? (
      p.content
    ) : (
      <div className="fr-fieldset__element" key={p.name}>
        {p.content}
      </div>
    ),
  );
  if (!title) return <>{elements}</>;
  return (
    <fieldset className="fr-fieldset" id={id} aria-labelledby={`${id}__legend`}>
      <legend className="fr-fieldset__legend" id={`${id}__legend`}>
        {title}
        <RequiredMark required={required} />
        <FieldHint description={text} locked={locked} />
      </legend>
      {elements}
    </fieldset>
  );
}
