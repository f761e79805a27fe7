import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** A web address, as a DSFR `fr-input`. */
export function URLWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, getUiOptions(props.uiSchema));
  return <BaseInputTemplate {...props} type="url" />;
}
