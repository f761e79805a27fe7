import type { Workflow } from '../../engine/index.js';

/** One transition of a workflow, as the diagram and its table show it. */
export interface DiagramTransition {
  /** The state of origin; `null` for `create`, which has none and leads to the initial state. */
  from: string | null;
  event: string;
  /** The event's label, in French. */
  label: string;
  /** The state it leads to: `from` itself when the transition has no target. */
  to: string;
  /** Declared in the workflow-wide `on`: possible in every non-final state that does not handle the event itself. */
  everywhere: boolean;
  /** The guards of the branch (an event may have several branches, the first that passes wins). */
  guards: string[];
}

const CREATE_EVENT = 'create';

/**
 * Every transition of `workflow`: `create` first, then each state's in the order of the file, one per branch
 * leading somewhere else (identical branches once).
 */
export function workflowTransitions(workflow: Workflow): DiagramTransition[] {
  const out: DiagramTransition[] = [];
  const create = workflow.events[CREATE_EVENT];
  if (create) out.push({ from: null, event: CREATE_EVENT, label: create.label, to: workflow.initial, everywhere: false, guards: [] });
  const seen = new Set<string>();
  for (const [from, state] of Object.entries(workflow.states)) {
    for (const [event, branches] of Object.entries(state.on)) {
      for (const branch of branches) {
        const to = branch.target ?? from;
        const guards = branch.guards.map((g) => g.name);
        const key = JSON.stringify([from, event, to, guards]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ from, event, label: workflow.events[event]?.label ?? event, to, everywhere: branch.at.pointer.startsWith('/on/'), guards });
      }
    }
  }
  return out;
}
