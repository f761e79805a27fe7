import type { Issue } from '../issues/Issue.js';
import { tooLongText } from '../issues/tooLongText.js';
import { eventIssue } from './eventIssue.js';

/**
 * The refusal of a reason longer than `max` characters, counted as a textarea's `maxlength` counts them
 * (UTF-16 code units), so that a form bounded by the same number is never refused. Undefined when it fits.
 */
export function reasonTooLong(reason: string | undefined, max: number, pointer: '/reason' | '/message'): Issue | undefined {
  if (reason === undefined || reason.length <= max) return undefined;
  return eventIssue('EVENT_REASON_TOO_LONG', pointer, tooLongText(pointer === '/message' ? 'Le message' : 'Le motif', max, reason.length));
}
