/**
 * Where a Handlebars parse error is, from its message: "Parse error on line 3:" for the grammar (no column),
 * "with doesn't match each - 4:3" for blocks (a 0-based column); undefined when the message names no place.
 */
export function parseErrorPosition(message: string): { line: number; column?: number } | undefined {
  const grammar = /line (\d+)/.exec(message);
  if (grammar) return { line: Number(grammar[1]) };
  const block = / - (\d+):(\d+)$/.exec(message.split('\n')[0]!);
  return block ? { line: Number(block[1]), column: Number(block[2]) + 1 } : undefined;
}
