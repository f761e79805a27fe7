import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** An e-mail address, as a DSFR `fr-input`. */
export function EmailWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, getUiOptions(props.uiSchema));
  return <BaseInputTemplate {...props} type="email" />;
}
