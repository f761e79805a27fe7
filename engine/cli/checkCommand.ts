import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadDefinition } from '../load/loadDefinition.js';
import { loadRegistry } from '../load/loadRegistry.js';
import type { LoadResult } from '../model/Definition.js';
import { formatResults } from './formatIssues.js';
import { EXAMPLE_FOLDER } from './newCommand.js';

const PLATFORM_DEFINITIONS = dirname(EXAMPLE_FOLDER);

/** `datapass check [dir] [--json]`: a definitions root or one definition folder; exit 1 on any issue. */
export function checkCommand(args: string[]): number {
  const json = args.includes('--json');
  const dir = args.find((a) => !a.startsWith('--')) ?? 'definitions';
  if (!existsSync(dir)) {
    process.stderr.write(`datapass check: ${dir} does not exist.\n`);
    return 2;
  }
  let results: LoadResult[];
  if (existsSync(join(dir, 'definition.yaml')) || existsSync(join(dir, 'schema.json'))) {
    // A folder outside a definitions root (being drafted elsewhere) uses the platform's fragments and workflows.
    const parent = dirname(resolve(dir));
    const root = existsSync(join(parent, '_workflows')) ? parent : PLATFORM_DEFINITIONS;
    results = [loadDefinition(dir, { definitionsRoot: root })];
  } else {
    results = loadRegistry(dir).results;
  }
  if (json) {
    process.stdout.write(JSON.stringify(results.map((r) => ({ id: r.id, folder: r.folder, issues: r.issues })), null, 2) + '\n');
  } else {
    process.stdout.write(formatResults(results) + '\n');
  }
  return results.some((r) => r.issues.length) ? 1 : 0;
}
