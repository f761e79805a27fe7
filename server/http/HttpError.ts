import type { Issue } from '../../engine/index.js';
import { ISSUE_CATALOGUE, isIssueCode } from '../../engine/index.js';

/** One error as the API returns it, so a form can show each next to its field (`source.pointer`). */
export interface ApiError {
  code: string;
  title: string;
  detail: string;
  source?: { pointer: string };
}

/** An error with its HTTP status, thrown by services and turned into `{ errors: [...] }` by the app. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiError[],
  ) {
    super(errors.map((e) => e.detail).join(' '));
  }

  static of(status: number, code: string, title: string, detail: string, pointer?: string): HttpError {
    return new HttpError(status, [{ code, title, detail, ...(pointer !== undefined ? { source: { pointer } } : {}) }]);
  }

  /** The engine's issues on a submission or an event, each with its catalogue title and its pointer. */
  static fromIssues(status: number, issues: readonly Issue[]): HttpError {
    return new HttpError(
      status,
      issues.map((i) => ({ code: i.code, title: isIssueCode(i.code) ? ISSUE_CATALOGUE[i.code].title : i.code, detail: i.message, source: { pointer: i.pointer } })),
    );
  }
}

export const notFound = (what = 'Cette page') => HttpError.of(404, 'NOT_FOUND', 'Not found', `${what} n’existe pas ou vous n’y avez pas accès.`);
export const unauthenticated = () => HttpError.of(401, 'UNAUTHENTICATED', 'Sign-in required', 'Connectez-vous pour continuer.');
export const badRequest = (code: string, detail: string, pointer?: string) => HttpError.of(400, code, 'Bad request', detail, pointer);
