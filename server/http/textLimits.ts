import { tooLongText } from '../../engine/index.js';

/**
 * The longest free texts the server takes, in characters (UTF-16 code units, as a field's `maxlength` counts
 * them, so that a form bounded by the same number is never refused). Event reasons are not here: each event
 * declares its own in the workflow (`reason_max_length`, 10,000 by default). Long texts get the order of a
 * message's limit; names, e-mails, roles and queries far less. Pages give their fields the same `maxLength`.
 */
export const TEXT_LIMITS = {
  /** A message between the applicant and the instructors. */
  message: 10_000,
  /** A message template's name; its text is bounded by the reason limit of its event. */
  templateTitle: 200,
  /** An e-mail address (RFC 5321: 254 characters at most). */
  email: 254,
  /** A role string, `<provider>:<definition>:<role>`. */
  role: 300,
  /** The name of a provider API client. */
  apiClientName: 255,
  /** A search: longer ones are cut, since each word costs a condition. */
  searchQuery: 200,
} as const;

/**
 * The French refusal of `value` when it is longer than `max`, naming the field (« Le message »), the limit
 * and what was typed; undefined when it fits.
 */
export function textTooLong(field: string, value: string, max: number): string | undefined {
  return value.length > max ? tooLongText(field, max, value.length) : undefined;
}
