import { closest } from '../issues/didYouMean.js';
import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import { metaSchemaIssues } from '../source/metaSchemaIssues.js';
import type { SourceFile } from '../source/SourceFile.js';
import { checkGraph } from './checkGraph.js';
import { checkReferences } from './checkReferences.js';
import { defaultWorkflowRegistry } from './defaultRegistry.js';
import { foldDraft } from './foldDraft.js';
import { emptyDraft, mergeLayer, type Draft } from './mergeLayers.js';
import { readLayer } from './readLayer.js';
import type { WorkflowRegistry } from './registry.js';
import { knownRoles } from './roles.js';
import type { Workflow } from './Workflow.js';
import { workflowMetaSchema } from './workflowMetaSchema.js';

export interface CheckWorkflowOptions {
  /** The workflow file: a definition's workflow.yaml or a file of definitions/_workflows/. */
  file: SourceFile;
  /** The parsed file of a base workflow named by `extends` (definitions/_workflows/<name>.yaml), if it exists. */
  loadBase: (name: string) => SourceFile | undefined;
  /** Roles declared in definition.yaml `roles`, usable beside the built-in ones and those the workflow declares. */
  extraRoles?: readonly string[];
  /** Guards and effects; the built-in registry by default. */
  registry?: WorkflowRegistry;
}

export interface CheckWorkflowResult {
  /** Present exactly when there is no issue. */
  workflow?: Workflow;
  /** Every issue, each in the file where the problem is written (the base file for the base's own). */
  issues: Issue[];
}

/**
 * Check a workflow file and the workflows it extends, and merge them into the workflow a definition
 * runs. Reports every issue at once, with pointer and line; never throws on any parsed value.
 */
export function checkWorkflow(options: CheckWorkflowOptions): CheckWorkflowResult {
  const files = new Map<string, SourceFile>();
  const context = { options, files, roles: knownRoles(options.extraRoles), registry: options.registry ?? defaultWorkflowRegistry };
  const { draft, issues } = resolve(context, options.file, []);
  return draft && !issues.length ? { workflow: foldDraft(draft), issues } : { issues };
}

interface Context {
  options: CheckWorkflowOptions;
  files: Map<string, SourceFile>;
  roles: string[];
  registry: WorkflowRegistry;
}

/** Check `file` on top of its base chain; `below` lists the files that extend it, to catch cycles. */
function resolve(context: Context, file: SourceFile, below: string[]): { draft?: Draft; issues: Issue[] } {
  context.files.set(file.path, file);
  if (file.value === undefined) {
    return { issues: [fileIssue(file, 'YAML_SYNTAX', '', 'The workflow file cannot be parsed')] };
  }
  const { layer, issues } = readLayer(file);
  issues.unshift(...metaSchemaIssues(file, workflowMetaSchema));
  if (file.value === null || typeof file.value !== 'object' || Array.isArray(file.value)) return { issues };

  // An `extends` of the wrong shape: checking the file alone would report every inherited name as unknown.
  if (layer.extending && !layer.extends) return { issues };
  let base = emptyDraft();
  let baseIssues: Issue[] = [];
  if (layer.extends) {
    const name = layer.extends.name;
    const baseFile = context.options.loadBase(name);
    if (!baseFile) {
      issues.push(fileIssue(file, 'WORKFLOW_EXTENDS_UNKNOWN', '/extends', `Unknown base workflow "${name}"`, `Base workflows are the files of definitions/_workflows/, named without .yaml (e.g. "standard").`));
      return { issues };
    }
    if (baseFile.path === file.path || below.includes(baseFile.path)) {
      issues.push(fileIssue(file, 'WORKFLOW_EXTENDS_CYCLE', '/extends', `Workflow "${name}" extends, directly or not, this very file`, 'Make the chain of `extends` end on a workflow without `extends`.'));
      return { issues };
    }
    const resolved = resolve(context, baseFile, [...below, file.path]);
    if (!resolved.draft) return { issues: [...resolved.issues, ...issues] };
    base = resolved.draft;
    baseIssues = resolved.issues;
  }

  const merged = mergeLayer(base, layer);
  issues.push(...merged.issues);
  const draft = merged.draft;
  const found = [
    ...checkReferences({ draft, files: context.files, registry: context.registry, roles: [...new Set([...context.roles, ...draft.roles])], main: file }),
    ...checkGraph(foldDraft(draft), context.files, intendedTargets(draft)),
  ];
  // The base alone already reported its own problems; what is new in a base file comes from this extension.
  const seen = new Set(baseIssues.map(key));
  const added = found
    .filter((i) => !seen.has(key(i)))
    .map((i) => (i.file === file.path ? i : { ...i, message: `${i.message} This comes from ${file.path}, which extends ${layer.extends?.name}.` }));
  return { draft, issues: [...baseIssues, ...issues, ...added] };
}

function key(issue: Issue): string {
  return `${issue.code} ${issue.file} ${issue.pointer}`;
}

/** Each unknown target mapped to the state it most likely means. */
function intendedTargets(draft: Draft): Map<string, string> {
  const out = new Map<string, string>();
  const states = [...draft.states.keys()];
  for (const ons of [...[...draft.states.values()].map((s) => s.on), draft.on]) {
    for (const entry of ons.values()) {
      for (const t of entry.transitions) {
        if (t.target === undefined || draft.states.has(t.target)) continue;
        const near = closest(t.target, states);
        if (near) out.set(t.target, near);
      }
    }
  }
  return out;
}
