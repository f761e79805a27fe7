import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** A date (`YYYY-MM-DD`), as a DSFR `fr-input`. */
export function DateWidget(props: WidgetProps<any, RJSFSchema, any>) {
  const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, getUiOptions(props.uiSchema));
  return <BaseInputTemplate {...props} type="date" />;
}
