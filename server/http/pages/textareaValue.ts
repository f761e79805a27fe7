/**
 * The text of a posted textarea, trimmed, its line breaks as `\n`: browsers send them as CRLF but count each
 * as one character for `maxlength`, so a text the form let through must not grow past the server's limit.
 * '' when absent or not text.
 */
export function textareaValue(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}
