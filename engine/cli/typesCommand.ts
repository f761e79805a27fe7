import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../load/loadRegistry.js';
import { generateTypes } from '../types/generateTypes.js';
import { formatResults } from './formatIssues.js';

/**
 * `datapass types [dir] [--check]`: write `types.ts` into every definition folder that loads; with
 * --check, write nothing and exit 1 when a file is missing or out of date.
 */
export async function typesCommand(args: string[]): Promise<number> {
  const checkOnly = args.includes('--check');
  const dir = args.find((a) => !a.startsWith('--')) ?? 'definitions';
  const registry = loadRegistry(dir, { deep: false });
  let status = 0;
  for (const result of registry.results) {
    if (!result.definition) {
      process.stderr.write(formatResults([result]) + '\n');
      status = 1;
      continue;
    }
    const file = join(result.definition.folder, 'types.ts');
    const text = await generateTypes(result.definition);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) {
      process.stdout.write(`✔ ${file} is up to date\n`);
    } else if (checkOnly) {
      process.stdout.write(`✖ ${file} is ${current === undefined ? 'missing' : 'out of date'}: run \`npx datapass types\`\n`);
      status = 1;
    } else {
      writeFileSync(file, text);
      process.stdout.write(`✎ ${file} written\n`);
    }
  }
  return status;
}
