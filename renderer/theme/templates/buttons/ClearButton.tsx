import type { IconButtonProps, RJSFSchema } from '@rjsf/utils';
import { DsfrIconButton } from '../../parts/DsfrIconButton.js';

/** The « Effacer » button of rjsf's array and input controls. */
export function ClearButton(props: IconButtonProps<any, RJSFSchema, any>) {
  return <DsfrIconButton {...props} iconClass="fr-icon-close-line" text="Effacer" />;
}
