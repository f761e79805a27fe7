import type { IconButtonProps, RJSFSchema } from '@rjsf/utils';
import { DsfrIconButton } from '../../parts/DsfrIconButton.js';

/** The « Monter » button of rjsf's array and input controls. */
export function MoveUpButton(props: IconButtonProps<any, RJSFSchema, any>) {
  return <DsfrIconButton {...props} iconClass="fr-icon-arrow-up-line" text="Monter" />;
}
