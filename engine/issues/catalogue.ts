import { LOAD_CODES } from './loadCodes.js';
import { SUBMISSION_CODES } from './submissionCodes.js';
import { WORKFLOW_CODES } from './workflowCodes.js';

/**
 * Every stable issue code, with a title and a line of documentation, in the manner of Fastify's error
 * catalogue. Codes never change meaning; new ones are added to the area file they belong to.
 */
export const ISSUE_CATALOGUE = { ...LOAD_CODES, ...WORKFLOW_CODES, ...SUBMISSION_CODES } as const;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;

export function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_CATALOGUE, code);
}
