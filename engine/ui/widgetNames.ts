/**
 * The widgets a ui.json may name with `ui:widget`: rjsf's standard ones, which the DSFR theme renders.
 * A renderer that adds a widget registers its name here, so that `datapass check` knows it.
 */
export const WIDGET_NAMES = new Set<string>([
  'text', 'textarea', 'password', 'email', 'uri', 'color', 'date', 'datetime', 'time', 'alt-date', 'alt-datetime',
  'updown', 'range', 'radio', 'select', 'checkbox', 'checkboxes', 'hidden', 'file',
]);
