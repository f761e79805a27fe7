import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { SharedFiles } from '../load/SharedFiles.js';
import { pointerSegments, type SourceFile } from '../source/SourceFile.js';
import type { JsonSchema } from './JsonSchema.js';
import { walkSchema } from './walkSchema.js';

const SHARED_PREFIX = '../_shared/';

export interface BundleResult {
  /** schema.json with each shared fragment copied under `definitions` and every $ref made local. */
  schema: JsonSchema;
  /** The shared fragment files the schema uses, directly or through other fragments. */
  fragments: SourceFile[];
  issues: Issue[];
}

/** The `definitions` key a shared fragment file is bundled under. */
export function bundledKey(fileName: string): string {
  return 'shared__' + fileName.replace(/\.json$/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Resolve every $ref of schema.json: local ones must point at something, external ones must be
 * `../_shared/<file>.json#<pointer>` (from a fragment: `<file>.json#<pointer>`). Fragments are copied
 * whole into the result, so that rjsf in the browser and ajv on the server read one self-contained schema.
 */
export function bundleSchema(file: SourceFile, shared: SharedFiles): BundleResult {
  const issues: Issue[] = [];
  const bundled = new Map<string, JsonSchema>();
  const inProgress = new Set<string>();

  /** Copy `value` (a schema document) with its refs rewritten; `prefix` is where the document lands. */
  const rewrite = (source: SourceFile, value: unknown, prefix: string, fromShared: boolean): unknown => {
    const copy = structuredClone(value);
    walkSchema(copy, ({ node, pointer }) => {
      const ref = node.$ref;
      if (typeof ref !== 'string') return;
      const refPointer = `${pointer}/$ref`;
      const hash = ref.indexOf('#');
      const target = hash === -1 ? ref : ref.slice(0, hash);
      const fragment = hash === -1 ? '' : ref.slice(hash + 1);
      if (target === '') {
        if (!resolves(source.value, fragment)) {
          issues.push(fileIssue(source, 'REF_TARGET_MISSING', refPointer, `$ref "${ref}" points at nothing in this file`, 'Check the path after #.'));
        }
        node.$ref = `#${prefix}${fragment}`;
        return;
      }
      const name = sharedName(target, fromShared);
      if (!name) {
        issues.push(fileIssue(source, 'REF_OUTSIDE_SHARED', refPointer, `$ref "${ref}" points outside definitions/_shared`, `Write it as "${SHARED_PREFIX}<file>.json#/definitions/<name>". Known fragments: ${shared.names().join(', ') || 'none'}.`));
        return;
      }
      const loaded = load(source, refPointer, ref, name);
      if (!loaded) return;
      if (!resolves(loaded.value, fragment)) {
        issues.push(fileIssue(source, 'REF_TARGET_MISSING', refPointer, `$ref "${ref}" points at nothing in ${loaded.path}`, definitionsHint(loaded.value, fragment)));
        return;
      }
      node.$ref = `#/definitions/${bundledKey(name)}${fragment}`;
    });
    return copy;
  };

  const load = (from: SourceFile, refPointer: string, ref: string, name: string): SourceFile | undefined => {
    const read = shared.get(name);
    if (!read) {
      issues.push(fileIssue(from, 'REF_FILE_MISSING', refPointer, `$ref "${ref}": shared fragment ${name} does not exist`, suggestion(name, shared.names(), 'Known fragments')));
      return undefined;
    }
    if (!read.file || read.file.value === undefined) {
      if (!inProgress.has(name) && !bundled.has(name)) {
        bundled.set(name, {});
        issues.push(...read.issues);
      }
      return undefined;
    }
    if (!bundled.has(name) && !inProgress.has(name)) {
      inProgress.add(name);
      const copy = rewrite(read.file, read.file.value, `/definitions/${bundledKey(name)}`, true) as JsonSchema;
      inProgress.delete(name);
      bundled.set(name, copy);
    }
    return read.file;
  };

  const root = rewrite(file, file.value, '', false) as JsonSchema;
  if (bundled.size && root && typeof root === 'object' && !Array.isArray(root)) {
    const definitions = root.definitions && typeof root.definitions === 'object' ? root.definitions : {};
    root.definitions = { ...definitions, ...Object.fromEntries([...bundled].map(([name, s]) => [bundledKey(name), s])) };
  }
  const fragments = [...bundled.keys()].map((name) => shared.get(name)?.file).filter((f): f is SourceFile => f?.value !== undefined);
  return { schema: root, fragments, issues: [...issues, ...refCycles(root, file)] };
}

/** A fragment name for an external ref, or undefined when it leaves the shared folder. */
function sharedName(target: string, fromShared: boolean): string | undefined {
  let rest = target;
  if (rest.startsWith(SHARED_PREFIX)) rest = rest.slice(SHARED_PREFIX.length);
  else if (fromShared && rest.startsWith('./')) rest = rest.slice(2);
  else if (!fromShared) return undefined;
  return /^[A-Za-z0-9_.-]+\.json$/.test(rest) && !rest.startsWith('.') ? rest : undefined;
}

function resolves(document: unknown, fragment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return false; // a malformed %-escape points at nothing
  }
  let node = document;
  for (const segment of pointerSegments(decoded)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return node !== undefined;
}

function definitionsHint(document: unknown, fragment: string): string {
  const defs = (document as { definitions?: object } | undefined)?.definitions;
  const last = pointerSegments(fragment).pop() ?? '';
  return defs && typeof defs === 'object' ? suggestion(last, Object.keys(defs), 'Known definitions') : 'Check the path after #.';
}

/** A $ref that leads, through $refs only, back to itself never reaches a schema. */
function refCycles(root: JsonSchema, file: SourceFile): Issue[] {
  const issues: Issue[] = [];
  const reported = new Set<string>();
  walkSchema(root, ({ node, pointer }) => {
    let current: unknown = node;
    const seen = new Set<unknown>();
    while (current && typeof current === 'object' && typeof (current as JsonSchema).$ref === 'string') {
      if (seen.has(current)) {
        const ref = (node as JsonSchema).$ref!;
        if (!reported.has(ref)) {
          reported.add(ref);
          const where = pointer.startsWith('/definitions/shared__') ? '' : `${pointer}/$ref`;
          issues.push(fileIssue(file, 'REF_CYCLE', where, `$ref "${ref}" leads back to itself through other $refs`, 'Point one of them at a real schema.'));
        }
        return;
      }
      seen.add(current);
      const ref = (current as JsonSchema).$ref!;
      if (!ref.startsWith('#')) return;
      let target: unknown = root;
      for (const s of pointerSegments(ref.slice(1))) target = target && typeof target === 'object' ? (target as Record<string, unknown>)[s] : undefined;
      current = target;
    }
  });
  return issues;
}
