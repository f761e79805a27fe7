import type { IssueCode } from './catalogue.js';

/**
 * A problem the engine found, with its place: the file (absent for a submission), the JSON pointer into
 * that file or into the submitted data, and the line and column where the file is YAML, JSON or Handlebars.
 */
export interface Issue {
  code: IssueCode;
  message: string;
  file?: string;
  pointer: string;
  line?: number;
  column?: number;
}
