/** What the attempts log keeps of a response. */
export const EXCERPT_LENGTH = 1000;

// C0 controls but tab and line feed, DEL, C1 controls, and the invisible marks that reorder or hide text.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * A receiver's answer as developers are shown it: plain text (React escapes it, nothing is rendered as HTML),
 * without control or bidirectional characters that could hide or reorder what it says, truncated.
 */
export function plainExcerpt(text: string, length = EXCERPT_LENGTH): string {
  return text.replace(INVISIBLE, '').slice(0, length);
}
