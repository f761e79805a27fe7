import type { IconButtonProps, RJSFSchema } from '@rjsf/utils';
import { DsfrIconButton } from '../../parts/DsfrIconButton.js';

/** The « Dupliquer » button of rjsf's array and input controls. */
export function CopyButton(props: IconButtonProps<any, RJSFSchema, any>) {
  return <DsfrIconButton {...props} iconClass="fr-icon-file-add-line" text="Dupliquer" />;
}
