import type { Issue } from '../issues/Issue.js';
import type { LoadResult } from '../model/Definition.js';

/** One line per issue: `file:line:column  CODE  message`, grouped by definition, with a closing count. */
export function formatResults(results: LoadResult[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const r of results) {
    if (!r.issues.length) {
      lines.push(`✔ ${r.id}`);
      continue;
    }
    lines.push(`✖ ${r.id}`);
    for (const issue of r.issues) {
      // A broken shared fragment is reported by every definition that uses it: show it once.
      const key = `${issue.file}|${issue.line}|${issue.code}|${issue.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      count++;
      lines.push(`  ${place(issue)}  ${issue.code}  ${issue.message}`);
    }
  }
  const broken = results.filter((r) => r.issues.length).length;
  lines.push('');
  lines.push(count ? `${count} issue${count > 1 ? 's' : ''} in ${broken} of ${results.length} definition${results.length > 1 ? 's' : ''}.` : `${results.length} definition${results.length > 1 ? 's' : ''} checked, no issue.`);
  return lines.join('\n');
}

function place(issue: Issue): string {
  return `${issue.file ?? ''}${issue.line ? `:${issue.line}:${issue.column ?? 1}` : ''}`;
}
