import type { HttpError } from '../HttpError.js';

/** What a refusal says about one field (its errors at one of `pointers`), to show next to it; undefined if nothing. */
export function fieldErrorOf(error: HttpError, pointers: readonly string[]): string | undefined {
  const details = error.errors.filter((e) => e.source && pointers.includes(e.source.pointer)).map((e) => e.detail);
  return details.length ? details.join(' ') : undefined;
}
