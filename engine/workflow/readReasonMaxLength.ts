import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import type { SourceFile } from '../source/SourceFile.js';
import { DEFAULT_REASON_MAX_LENGTH, REASON_MAX_LENGTH_CEILING } from './Workflow.js';

const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * `reason_max_length` of an event or a transition: a whole number of characters from 1 to
 * REASON_MAX_LENGTH_CEILING. Absent: undefined. A value of another kind is reported here rather than by the
 * meta-schema, so the issue says which values are allowed and what the default is; it is then left out.
 */
export function readReasonMaxLength(file: SourceFile, value: unknown, pointer: string, issues: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= REASON_MAX_LENGTH_CEILING) return value;
  issues.push(
    fileIssue(
      file,
      'WORKFLOW_BAD_REASON_MAX_LENGTH',
      pointer,
      `Bad reason_max_length ${String(JSON.stringify(value)).slice(0, 40)}`,
      `Write a whole number of characters from 1 to ${grouped(REASON_MAX_LENGTH_CEILING)}, e.g. \`reason_max_length: 5000\`; without it, a reason takes at most ${grouped(DEFAULT_REASON_MAX_LENGTH)} characters.`,
    ),
  );
  return undefined;
}
