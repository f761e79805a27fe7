import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkConventionRenders } from '../check/checkConventionRenders.js';
import { ConventionRenderError } from '../convention/ConventionRenderError.js';
import { createConventionRenderer, type ConventionRenderer } from '../convention/conventionRenderer.js';
import { fileIssue } from '../issues/makeIssue.js';
import { loadDefinition } from '../load/loadDefinition.js';
import { loadRegistry } from '../load/loadRegistry.js';
import type { LoadResult } from '../model/Definition.js';
import { createSourceFile } from '../source/SourceFile.js';
import { formatResults } from './formatIssues.js';
import { EXAMPLE_FOLDER } from './newCommand.js';

const PLATFORM_DEFINITIONS = dirname(EXAMPLE_FOLDER);
const PLATFORM_TEMPLATES = join(dirname(PLATFORM_DEFINITIONS), 'templates');

/** `datapass check [dir] [--json]`: a definitions root or one definition folder; exit 1 on any issue. */
export function checkCommand(args: string[]): number {
  const json = args.includes('--json');
  const dir = args.find((a) => !a.startsWith('--')) ?? 'definitions';
  if (!existsSync(dir)) {
    process.stderr.write(`datapass check: ${dir} does not exist.\n`);
    return 2;
  }
  let results: LoadResult[];
  let root: string;
  if (existsSync(join(dir, 'definition.yaml')) || existsSync(join(dir, 'schema.json'))) {
    // A folder outside a definitions root (being drafted elsewhere) uses the platform's fragments and workflows.
    const parent = dirname(resolve(dir));
    root = existsSync(join(parent, '_workflows')) ? parent : PLATFORM_DEFINITIONS;
    results = [loadDefinition(dir, { definitionsRoot: root })];
  } else {
    root = dir;
    results = loadRegistry(dir).results;
  }
  checkConventions(results, root);
  if (json) {
    process.stdout.write(JSON.stringify(results.map((r) => ({ id: r.id, folder: r.folder, issues: r.issues })), null, 2) + '\n');
  } else {
    process.stdout.write(formatResults(results) + '\n');
  }
  return results.some((r) => r.issues.length) ? 1 : 0;
}

/**
 * Render every loaded definition's convention with its valid examples, in strict mode, with the templates
 * beside the definitions root (else the platform's), as the loader finds the partials.
 */
function checkConventions(results: LoadResult[], root: string): void {
  const sibling = join(dirname(resolve(root)), 'templates');
  let renderer: ConventionRenderer;
  try {
    renderer = createConventionRenderer(existsSync(sibling) ? sibling : PLATFORM_TEMPLATES);
  } catch (error) {
    if (!(error instanceof ConventionRenderError)) throw error;
    // A shared template that does not compile breaks every convention: report it once, on the first definition.
    const position = error.line ? { position: { line: error.line, column: error.column ?? 1 } } : {};
    const first = results.find((r) => r.definition);
    first?.issues.push(fileIssue(createSourceFile(error.file, '', undefined), 'CONVENTION_RENDER_FAILED', '', error.englishMessage, undefined, position));
    return;
  }
  for (const result of results) {
    if (result.definition && !result.issues.length) result.issues.push(...checkConventionRenders(result.definition, renderer));
  }
}
