import type { IconButtonProps, RJSFSchema } from '@rjsf/utils';
import { classNames } from '../lib/classNames.js';

export interface DsfrIconButtonProps extends IconButtonProps<any, RJSFSchema, any> {
  /** The DSFR icon class, e.g. `fr-icon-delete-line`. */
  iconClass: string;
  /** The button's visible French text. */
  text: string;
}

/** A small tertiary DSFR button with an icon on the left, for the actions on array items. */
export function DsfrIconButton({ iconClass, text, className, registry: _registry, uiSchema: _uiSchema, iconType: _iconType, icon: _icon, ...buttonProps }: DsfrIconButtonProps) {
  return (
    <button type="button" {...buttonProps} className={classNames('fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left', iconClass, className)}>
      {text}
    </button>
  );
}
