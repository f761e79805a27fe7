import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { readSourceFile } from '../source/readSourceFile.js';
import type { Definition, LoadResult } from '../model/Definition.js';
import { createLoadEnvironment } from './LoadEnvironment.js';
import { loadDefinition, type LoadOptions } from './loadDefinition.js';

/** Every definition of a root, by id, and what loading each folder found. */
export interface Registry {
  root: string;
  definitions: Map<string, Definition>;
  results: LoadResult[];
}

/** The definition folders of a root: every sub-folder whose name does not start with `_` or `.`. */
export function definitionFolders(root: string): string[] {
  return readdirSync(root)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}

/**
 * Load every definition folder of `root`. A folder with issues is left out of `definitions` but never
 * stops the others from loading, even if the engine itself fails on it.
 */
export function loadRegistry(root: string, options: Omit<LoadOptions, 'definitionsRoot' | 'environment'> & { templatesDir?: string } = {}): Registry {
  const environment = createLoadEnvironment(root, options.templatesDir);
  const results = definitionFolders(root).map((name): LoadResult => {
    const folder = join(root, name);
    try {
      return loadDefinition(folder, { ...options, environment });
    } catch (error) {
      const issue: Issue = { code: 'INTERNAL_ERROR', message: `The engine failed on ${folder}: ${(error as Error).stack ?? String(error)}`, file: folder, pointer: '' };
      return { id: name, folder, issues: [issue] };
    }
  });
  checkStages(results);
  const definitions = new Map<string, Definition>();
  for (const r of results) if (r.definition && !r.issues.length) definitions.set(r.id, r.definition);
  return { root, definitions, results };
}

/** A sandbox names its production stage and the production stage names it back. */
function checkStages(results: LoadResult[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  const broken: LoadResult[] = [];
  for (const r of results) {
    const stage = r.definition?.meta.stage;
    if (!stage) continue;
    const otherId = stage.kind === 'sandbox' ? stage.next : stage.previous;
    const other = byId.get(otherId);
    const back = other?.definition?.meta.stage;
    const linksBack = back && (stage.kind === 'sandbox' ? back.kind === 'production' && back.previous === r.id : back.kind === 'sandbox' && back.next === r.id);
    if (!other || (other.definition && !linksBack)) {
      const key = stage.kind === 'sandbox' ? 'next' : 'previous';
      const why = !other ? `no definition "${otherId}" exists` : `"${otherId}" does not name "${r.id}" back as its ${stage.kind === 'sandbox' ? 'previous' : 'next'} stage`;
      const file = readSourceFile(join(r.folder, 'definition.yaml'), `${r.folder}/definition.yaml`).file!;
      r.issues.push(fileIssue(file, 'STAGE_UNKNOWN', `/stage/${key}`, `stage.${key} is "${otherId}" but ${why}`, 'Link both stages to each other.'));
      broken.push(r);
    }
  }
  // Only now: each stage must be judged against the other as it was loaded.
  for (const r of broken) delete r.definition;
}
