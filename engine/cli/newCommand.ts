import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadDefinition } from '../load/loadDefinition.js';
import { formatResults } from './formatIssues.js';

/** The worked example that `new` copies: the one definition the engine's tests always load. */
export const EXAMPLE_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'definitions', 'api-exemple');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `datapass new <id> [--name "…"] [--provider slug] [--dir definitions]`: copy the worked example into a
 * new folder under its new id and name, and check it, so the provider team starts from a folder that passes.
 */
export function newCommand(args: string[]): number {
  const id = args[0];
  if (!id || id.startsWith('--') || !/^[a-z][a-z0-9_-]*$/.test(id)) {
    process.stderr.write('Usage: datapass new <id> [--name "API Nom"] [--provider slug] [--dir definitions]\n  <id>: lowercase letters, digits, - and _, starting with a letter (e.g. api-impot-particulier).\n');
    return 2;
  }
  const root = option(args, 'dir') ?? 'definitions';
  const target = join(root, id);
  if (existsSync(target)) {
    process.stderr.write(`datapass new: ${target} already exists; choose another id or edit it.\n`);
    return 2;
  }
  cpSync(EXAMPLE_FOLDER, target, { recursive: true, filter: (src) => !src.endsWith('types.ts') });
  const metaPath = join(target, 'definition.yaml');
  const doc = parseDocument(readFileSync(metaPath, 'utf8'));
  doc.commentBefore = ` ${id}: scaffolded by \`datapass new\` from the worked example; edit every value, then run \`npx datapass check ${target}\`.`;
  doc.set('name', option(args, 'name') ?? id);
  doc.set('provider', option(args, 'provider') ?? 'exemple');
  writeFileSync(metaPath, doc.toString());
  const result = loadDefinition(target, { definitionsRoot: resolve(root) });
  if (result.issues.length) {
    process.stderr.write(formatResults([result]) + '\n');
    rmSync(target, { recursive: true, force: true });
    process.stderr.write(`datapass new: the scaffold did not pass check, so ${target} was removed.\n`);
    return 1;
  }
  process.stdout.write(`Created ${target}: it passes \`datapass check\`. Next: edit definition.yaml, schema.json, ui.json and examples/ (see definitions/README.md).\n`);
  return 0;
}
