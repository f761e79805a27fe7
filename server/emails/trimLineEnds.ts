/** Line breaks as a multiline `$` knows them, kept by split() since the pattern captures them. */
const LINE_BREAK = /(\r\n|[\n\r\u2028\u2029])/;

/**
 * Every line of `text` without its trailing spaces and tabs, in one pass. Why not `/[ \t]+$/gm`: where a run of
 * blanks is followed by a word, that regex tries the run from each of its blanks to its end, quadratic in its
 * length: 40,000 blanks took 6.6 s, and a 1 MiB reason made of such lines held the event loop (and every page
 * of the server, the review page among them) 20 to 32 s per e-mail batch.
 */
export function trimLineEnds(text: string): string {
  const parts = text.split(LINE_BREAK);
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i]!;
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
    if (end < line.length) parts[i] = line.slice(0, end);
  }
  return parts.join('');
}
