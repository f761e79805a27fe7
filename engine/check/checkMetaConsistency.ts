import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import type { SourceFile } from '../source/SourceFile.js';

/** Identifiers that must be unique inside definition.yaml, and the id that must match the folder. */
export function checkMetaConsistency(file: SourceFile, meta: DefinitionMeta, folderName: string): Issue[] {
  const issues: Issue[] = [];
  const raw = file.value as { id?: unknown };
  if (raw.id !== undefined && raw.id !== folderName) {
    issues.push(fileIssue(file, 'ID_MISMATCH', '/id', `id "${String(raw.id)}" differs from the folder name "${folderName}"`, 'Remove `id` or rename the folder: the folder name is the definition id.'));
  }
  const unique = (label: string, entries: { value: string; pointer: string }[]) => {
    const seen = new Map<string, string>();
    for (const { value, pointer } of entries) {
      const first = seen.get(value);
      if (first !== undefined) issues.push(fileIssue(file, 'DUPLICATE_ID', pointer, `${label} "${value}" is declared twice`, `The first is at ${first}; give each a distinct id.`));
      else seen.set(value, pointer);
    }
  };
  unique('Use case', meta.use_cases.map((u, i) => ({ value: u.id, pointer: `/use_cases/${i}/id` })));
  unique('Scope', meta.scopes.flatMap((g, i) => g.items.map((s, j) => ({ value: s.value, pointer: `/scopes/${i}/items/${j}/value` }))));
  unique('Attestation', meta.attestations.map((a, i) => ({ value: a.id, pointer: `/attestations/${i}/id` })));
  return issues;
}
