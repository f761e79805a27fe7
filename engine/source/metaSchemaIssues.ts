import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import { suggestion } from '../issues/didYouMean.js';
import { valueAtPointer, type SourceFile } from './SourceFile.js';

// verbose: errors carry their parentSchema, whose properties are the known keys of an unknown-key hint.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Check a parsed file against the meta-schema of its kind and turn every ajv error into an issue at its
 * line: unknown keys become UNKNOWN_KEY with the closest known key, everything else META_SCHEMA.
 * Meta-schemas are compiled once.
 */
export function metaSchemaIssues(file: SourceFile, metaSchema: object): Issue[] {
  let validate = compiled.get(metaSchema);
  if (!validate) {
    validate = ajv.compile(metaSchema);
    compiled.set(metaSchema, validate);
  }
  if (validate(file.value)) return [];
  const errors = (validate.errors ?? []).filter(
    // oneOf/anyOf summaries repeat what their branches already said more precisely.
    (e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword) || validate!.errors!.length === 1,
  );
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    const issue = toIssue(file, error);
    const key = issue.code + issue.pointer + issue.message;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function toIssue(file: SourceFile, e: ErrorObject): Issue {
  const at = e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return fileIssue(file, 'UNKNOWN_KEY', `${at}/${escape(key)}`, `Unknown key "${key}"`, suggestion(key, known, 'Known keys'), { key: true });
    }
    case 'required':
      return fileIssue(file, 'META_SCHEMA', at, `Missing key "${e.params.missingProperty}"`, 'Add it: see definitions/README.md.');
    case 'enum':
      return fileIssue(file, 'META_SCHEMA', at, `Value ${JSON.stringify(valueAtPointer(file.value, at))} is not allowed`, suggestion(String(valueAtPointer(file.value, at)), (e.params.allowedValues as unknown[]).map(String), 'Allowed values'));
    case 'type':
      return fileIssue(file, 'META_SCHEMA', at, `Expected ${e.params.type}, found ${describe(valueAtPointer(file.value, at))}`);
    default:
      return fileIssue(file, 'META_SCHEMA', at, `Value ${e.message ?? 'is invalid'}`);
  }
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
