import type { IconButtonProps, RJSFSchema } from '@rjsf/utils';
import { DsfrIconButton } from '../../parts/DsfrIconButton.js';

/** The « Descendre » button of rjsf's array and input controls. */
export function MoveDownButton(props: IconButtonProps<any, RJSFSchema, any>) {
  return <DsfrIconButton {...props} iconClass="fr-icon-arrow-down-line" text="Descendre" />;
}
