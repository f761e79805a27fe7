import type { IssueCode } from '../issues/catalogue.js';
import type { Issue } from '../issues/Issue.js';

/** A refusal of an event: a French message, a pointer into the event input, no file. */
export function eventIssue(code: IssueCode, pointer: string, message: string): Issue {
  return { code, message, pointer };
}
