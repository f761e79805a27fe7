import type { Draft } from './mergeLayers.js';
import { DEFAULT_REASON_MAX_LENGTH, type Transition, type Workflow, type WorkflowEvent, type WorkflowState } from './Workflow.js';

/**
 * The workflow the transition function reads: the workflow-wide `on` copied into every non-final state
 * that does not handle the event itself, and the event defaults filled in (reason: optional, of at most DEFAULT_REASON_MAX_LENGTH characters).
 * Tolerant of an incomplete draft, so the graph can be checked even when other issues exist.
 */
export function foldDraft(draft: Draft): Workflow {
  const states: Record<string, WorkflowState> = {};
  for (const [name, state] of draft.states) {
    const on: Record<string, Transition[]> = {};
    for (const [event, entry] of state.on) on[event] = entry.transitions;
    if (!state.final) for (const [event, entry] of draft.on) if (!state.on.has(event)) on[event] = entry.transitions;
    states[name] = {
      label: state.label ?? name,
      ...(state.description ? { description: state.description } : {}),
      final: state.final,
      on,
      at: state.at,
    };
  }
  const events: Record<string, WorkflowEvent> = {};
  for (const [name, event] of draft.events) {
    const f = event.fields;
    events[name] = {
      label: f.label ?? name,
      ...(f.description ? { description: f.description } : {}),
      actors: f.actors ?? [],
      reason: f.reason ?? 'optional',
      reasonMaxLength: f.reason_max_length ?? DEFAULT_REASON_MAX_LENGTH,
      guards: f.guards ?? [],
      effects: f.effects ?? [],
      at: event.at,
      fieldsAt: event.fieldsAt,
    };
  }
  return {
    sources: draft.sources,
    ...(draft.description ? { description: draft.description } : {}),
    initial: draft.initial?.name ?? '',
    roles: draft.roles,
    states,
    events,
  };
}
