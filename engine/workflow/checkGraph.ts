import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import type { SourceFile } from '../source/SourceFile.js';
import { own, type Workflow } from './Workflow.js';

/**
 * Unreachable states and dead ends (a non-final state with no transition to another state). `intended`
 * maps an unknown target to the state it most likely means, so one typo is not also reported as an
 * unreachable state.
 */
export function checkGraph(workflow: Workflow, files: ReadonlyMap<string, SourceFile>, intended: ReadonlyMap<string, string>): Issue[] {
  if (!own(workflow.states, workflow.initial)) return [];
  // An unknown target with no likely meaning still leaves its state (it is reported as unknown, not as a dead end).
  const UNKNOWN = '';
  const targets = (state: string): Set<string> => {
    const out = new Set<string>();
    for (const branches of Object.values(workflow.states[state]?.on ?? {})) {
      for (const t of branches) {
        out.add(t.target === undefined ? state : own(workflow.states, t.target) ? t.target : (intended.get(t.target) ?? UNKNOWN));
      }
    }
    return out;
  };
  const reached = new Set([workflow.initial]);
  const queue = [workflow.initial];
  while (queue.length) for (const next of targets(queue.shift()!)) if (next !== UNKNOWN && !reached.has(next)) reached.add(next), queue.push(next);

  const issues: Issue[] = [];
  for (const [name, state] of Object.entries(workflow.states)) {
    const file = files.get(state.at.file);
    if (!file) continue;
    if (!reached.has(name)) {
      issues.push(fileIssue(file, 'WORKFLOW_UNREACHABLE_STATE', state.at.pointer, `State "${name}" cannot be reached from the initial state "${workflow.initial}"`, 'Add a transition that targets it, or remove it.', { key: true }));
    }
    if (!state.final && ![...targets(name)].some((t) => t !== name)) {
      issues.push(fileIssue(file, 'WORKFLOW_DEAD_END', state.at.pointer, `State "${name}" is not final but has no transition to another state`, 'Add a transition out of it, or mark it `final: true`.', { key: true }));
    }
  }
  return issues;
}
