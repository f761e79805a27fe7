import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * A definitions root with `count` definitions: copies of the given folders (renamed, with their
 * definition.yaml's name changed), plus the real _shared and _workflows. Returns the root and a cleanup.
 */
export function generateDefinitions(definitionsDir: string, sources: string[], count: number): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), `datapass-bench-${count}-`));
  cpSync(join(definitionsDir, '_shared'), join(root, '_shared'), { recursive: true });
  cpSync(join(definitionsDir, '_workflows'), join(root, '_workflows'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const id = `gen-${String(i).padStart(4, '0')}`;
    const target = join(root, id);
    cpSync(join(definitionsDir, source), target, { recursive: true, filter: (src) => !src.endsWith('types.ts') });
    const metaPath = join(target, 'definition.yaml');
    const doc = parseDocument(readFileSync(metaPath, 'utf8'));
    doc.set('name', `API générée ${i}`);
    doc.delete('stage');
    writeFileSync(metaPath, doc.toString());
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
