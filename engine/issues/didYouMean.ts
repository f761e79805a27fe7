/** Levenshtein distance, bounded: stops counting past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const max = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, c, max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** "Did you mean "x"? Known …: a, b, c." — the hint that ends an issue message about an unknown name. */
export function suggestion(word: string, candidates: Iterable<string>, known = 'Known values'): string {
  const list = [...candidates];
  const near = closest(word, list);
  const shown = list.length > 25 ? list.slice(0, 25).join(', ') + `, … (${list.length} in all)` : list.join(', ');
  // A close match says enough when the full list would be long.
  if (near && list.length > 12) return `Did you mean "${near}"?`;
  return (near ? `Did you mean "${near}"? ` : '') + (list.length ? `${known}: ${shown}.` : '');
}
