import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createSourceFile, type SourceFile } from '../../../engine/source/SourceFile.js';

export const WORKFLOWS_DIR = 'definitions/_workflows';

/** A SourceFile of inline YAML, as the loader would give it. */
export function yamlSource(path: string, text: string): SourceFile {
  return createSourceFile(path, text, parse(text, { uniqueKeys: false }) ?? null);
}

/** definitions/_workflows/<name>.yaml, or undefined when absent: the `loadBase` the loader passes. */
export function loadBase(name: string): SourceFile | undefined {
  const path = join(WORKFLOWS_DIR, `${name}.yaml`);
  try {
    return yamlSource(path, readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
