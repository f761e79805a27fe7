import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatResults } from '../../engine/cli/formatIssues.js';
import { ConventionRenderError, conventionMetaOf, createConventionRenderer, exampleConventionContext, loadRegistry } from '../../engine/index.js';
import { conventionHtmlDocument } from './conventionDocument.js';
import { renderConventionPdf } from './pdf/renderConventionPdf.js';
import { PREVIEW_USAGE } from './previewUsage.js';

const PLATFORM_TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

function option(args: string[], name: string): string | undefined | null {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  return value === undefined || value.startsWith('--') ? null : value;
}

/** `datapass preview`: what admins preview in the browser, from the command line, for provider teams. */
export async function previewCommand(args: string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`datapass preview: ${message}\n`);
    return 2;
  };
  const values = new Set<number>();
  for (const name of ['--example', '--format', '--out']) {
    const i = args.indexOf(name);
    if (i !== -1) values.add(i + 1);
    if (option(args, name) === null) return fail(`${name} needs a value.`);
  }
  const unknown = args.find((a, i) => a.startsWith('--') && !['--example', '--format', '--out'].includes(a) && !values.has(i));
  if (unknown) return fail(`unknown option ${unknown}.\n\nUsage:\n${PREVIEW_USAGE}`);
  const target = args.find((a, i) => !a.startsWith('--') && !values.has(i));
  if (!target) return fail(`name a definition.\n\nUsage:\n${PREVIEW_USAGE}`);
  const format = option(args, '--format') ?? 'html';
  if (format !== 'html' && format !== 'pdf') return fail(`--format is html or pdf, not "${format}".`);
  const out = option(args, '--out') ?? undefined;
  if (format === 'pdf' && !out && process.stdout.isTTY) return fail('a PDF is not written to a terminal: give --out file.pdf, or redirect the output.');

  const folder = existsSync(join(target, 'definition.yaml')) ? resolve(target) : resolve('definitions', target);
  if (!existsSync(join(folder, 'definition.yaml'))) return fail(`no definition folder "${target}" (neither ${target}/definition.yaml nor definitions/${target}/definition.yaml exists).`);
  const root = dirname(folder);
  const sibling = join(dirname(root), 'templates');
  const templatesDir = existsSync(sibling) ? sibling : PLATFORM_TEMPLATES;
  const registry = loadRegistry(root, { templatesDir });
  const result = registry.results.find((r) => resolve(r.folder) === folder);
  const definition = result && registry.definitions.get(result.id);
  if (!result || !definition) {
    process.stderr.write((result ? formatResults([result]) : `datapass preview: ${folder} did not load.`) + '\n');
    return 1;
  }
  const valid = definition.examples.filter((e) => !e.issues.length);
  const name = option(args, '--example') ?? valid[0]?.name;
  const example = valid.find((e) => e.name === name);
  if (!example) {
    const known = valid.map((e) => e.name).join(', ') || 'none';
    return fail(name ? `${definition.id} has no valid example "${name}". Valid examples: ${known}.` : `${definition.id} has no valid example to render the convention with: add one to examples/.`);
  }
  try {
    const context = exampleConventionContext(definition, example.name);
    const body = createConventionRenderer(templatesDir).render(definition, context);
    const meta = conventionMetaOf(definition, context);
    const content = format === 'html' ? conventionHtmlDocument(body, meta) : await renderConventionPdf(body, meta);
    if (out) {
      writeFileSync(out, content);
      process.stderr.write(`✔ ${out}: convention of ${definition.id} with example ${example.name} (${format.toUpperCase()}, ${Buffer.byteLength(content)} bytes)\n`);
    } else {
      process.stdout.write(content);
    }
    return 0;
  } catch (error) {
    if (error instanceof ConventionRenderError) {
      process.stderr.write(`✖ ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
