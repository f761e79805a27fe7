import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** A single-line text, as a DSFR `fr-input`; numeric schemas get `type="number"`. */
export function TextWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, getUiOptions(props.uiSchema));
  return <BaseInputTemplate {...props} />;
}
