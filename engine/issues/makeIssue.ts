import type { SourceFile } from '../source/SourceFile.js';
import type { IssueCode } from './catalogue.js';
import type { Issue } from './Issue.js';

/**
 * An issue on a definition file, located from its pointer, with the message in the form
 * `What went wrong (file:line:column /pointer). How to fix it.`
 */
export function fileIssue(
  file: SourceFile,
  code: IssueCode,
  pointer: string,
  what: string,
  hint?: string,
  options: { key?: boolean; position?: { line: number; column: number } } = {},
): Issue {
  const position = options.position ?? file.locate(pointer, { key: options.key });
  const place = position ? `${file.path}:${position.line}:${position.column}` : file.path;
  const message = `${what} (${place}${pointer ? ' ' + pointer : ''}).${hint ? ' ' + hint : ''}`;
  return { code, message, file: file.path, pointer, ...(position ? { line: position.line, column: position.column } : {}) };
}
