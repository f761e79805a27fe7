import type { IconButtonProps, RJSFSchema } from '@rjsf/utils';
import { DsfrIconButton } from '../../parts/DsfrIconButton.js';

/** The « Ajouter un élément » button of rjsf's array and input controls. */
export function AddButton(props: IconButtonProps<any, RJSFSchema, any>) {
  return <DsfrIconButton {...props} iconClass="fr-icon-add-line" text="Ajouter un élément" />;
}
