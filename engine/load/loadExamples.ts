import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { Example, SubmissionValidator, ValidationContext } from '../model/Definition.js';
import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import { metaSchemaIssues } from '../source/metaSchemaIssues.js';
import { readSourceFile } from '../source/readSourceFile.js';
import type { SourceFile } from '../source/SourceFile.js';
import { exampleMetaSchema } from './metaSchemas/exampleMetaSchema.js';

interface RawExample {
  description?: string;
  use_case?: string;
  context?: ValidationContext;
  data: Record<string, unknown>;
  issues?: { code: string; pointer: string; message?: string }[];
}

/** Read examples/*.yaml|json: each file is one example submission with the issues it must produce. */
export function readExamples(folder: string, displayFolder: string, meta: DefinitionMeta): { examples: { example: Example; file: SourceFile }[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const examples: { example: Example; file: SourceFile }[] = [];
  let names: string[];
  try {
    names = readdirSync(join(folder, 'examples')).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  } catch {
    return { examples, issues };
  }
  const useCases = meta.use_cases.map((u) => u.id);
  for (const name of names) {
    const read = readSourceFile(join(folder, 'examples', name), `${displayFolder}/examples/${name}`);
    issues.push(...read.issues);
    if (!read.file || read.issues.length) continue;
    const shape = metaSchemaIssues(read.file, exampleMetaSchema).map((i) => ({ ...i, code: 'EXAMPLE_INVALID_FORMAT' as const }));
    if (shape.length) {
      issues.push(...shape);
      continue;
    }
    const raw = read.file.value as RawExample;
    if (raw.use_case !== undefined && !useCases.includes(raw.use_case)) {
      issues.push(fileIssue(read.file, 'EXAMPLE_INVALID_FORMAT', '/use_case', `Unknown use case "${raw.use_case}"`, suggestion(raw.use_case, useCases, 'Use cases')));
      continue;
    }
    examples.push({
      file: read.file,
      example: {
        name: name.replace(/\.(ya?ml|json)$/, ''),
        file: read.file.path,
        ...(raw.description !== undefined ? { description: raw.description } : {}),
        ...(raw.use_case !== undefined ? { useCaseId: raw.use_case } : {}),
        context: raw.context ?? 'submit',
        data: raw.data,
        issues: raw.issues ?? [],
      },
    });
  }
  return { examples, issues };
}

/** What an example produces: the data normalized as the server stores it, then validated in its context. */
export function runExample(example: Example, validator: SubmissionValidator): Issue[] {
  const options = example.useCaseId ? { useCaseId: example.useCaseId } : {};
  const data = validator.normalize(example.data, options);
  return validator.validate(data, { ...options, context: example.context, createdAt: '2026-01-01' }).issues;
}

/** Compare what an example produces with what it lists (code and pointer, and message when listed). */
export function checkExample(file: SourceFile, example: Example, produced: Issue[]): Issue[] {
  const expected = example.issues.map((e) => ({ ...e, matched: false }));
  const unexpected: Issue[] = [];
  for (const issue of produced) {
    const match = expected.find((e) => !e.matched && e.code === issue.code && e.pointer === issue.pointer && (e.message === undefined || e.message === issue.message));
    if (match) match.matched = true;
    else unexpected.push(issue);
  }
  const missing = expected.filter((e) => !e.matched);
  if (!unexpected.length && !missing.length) return [];
  const lines = [
    ...unexpected.map((i) => `produced ${i.code} at "${i.pointer}" (${i.message})`),
    ...missing.map((e) => `missing ${e.code} at "${e.pointer}"${e.message ? ` (${e.message})` : ''}`),
  ];
  const what = example.issues.length ? `Example "${example.name}" does not produce exactly the issues it lists` : `Example "${example.name}" should be valid but has issues`;
  return [fileIssue(file, 'EXAMPLE_UNEXPECTED_ISSUES', example.issues.length ? '/issues' : '/data', what, lines.join('; ') + '.')];
}
