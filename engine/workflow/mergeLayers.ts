import { suggestion } from '../issues/didYouMean.js';
import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import type { Layer, LayerEvent, LayerOn, LayerTransitions } from './readLayer.js';
import type { Origin } from './Workflow.js';

export interface DraftState {
  label?: string;
  description?: string;
  final: boolean;
  on: Map<string, LayerOn>;
  /** The latest mention of the state: where a problem of the state as a whole is reported. */
  at: Origin;
}

export interface DraftEvent {
  fields: LayerEvent['fields'];
  fieldsAt: LayerEvent['fieldsAt'];
  at: Origin;
}

/** A workflow with its layers merged, the workflow-wide `on` still apart from the states. */
export interface Draft {
  sources: string[];
  description?: string;
  initial?: { name: string; at: Origin };
  roles: string[];
  states: Map<string, DraftState>;
  events: Map<string, DraftEvent>;
  on: Map<string, LayerOn>;
  /** Some layer has an `events` mapping: without one, the meta-schema has already said it is missing. */
  declaresEvents: boolean;
}

export function emptyDraft(): Draft {
  return { sources: [], roles: [], states: new Map(), events: new Map(), on: new Map(), declaresEvents: false };
}

/**
 * Lay `layer` over `base`, in the manner of a deep merge: states and events are merged by name (an event
 * field by field), transitions of one event are replaced whole, and `null` removes what the base declares.
 * Removing an event also removes its transitions everywhere. `base` is not changed.
 */
export function mergeLayer(base: Draft, layer: Layer): { draft: Draft; issues: Issue[] } {
  const issues: Issue[] = [];
  const nothingToRemove = (pointer: string, kind: string, name: string, known: Iterable<string>) =>
    issues.push(
      fileIssue(layer.file, 'WORKFLOW_NOTHING_TO_REMOVE', pointer, `\`null\` removes an inherited ${kind}, but there is no ${kind} "${name}" to remove`, suggestion(name, known, `Known ${kind}s`), { key: true }),
    );

  const mergeOn = (into: Map<string, LayerOn>, from: Map<string, LayerTransitions>, kind: string) => {
    for (const [event, transitions] of from) {
      if (!('removed' in transitions)) into.set(event, transitions);
      else if (into.has(event)) into.delete(event);
      else nothingToRemove(transitions.at.pointer, kind, event, into.keys());
    }
  };

  const draft: Draft = {
    sources: [...base.sources, layer.file.path],
    ...(layer.description ?? base.description ? { description: layer.description ?? base.description } : {}),
    ...(layer.initial ?? base.initial ? { initial: layer.initial ?? base.initial } : {}),
    roles: [...new Set([...base.roles, ...layer.roles])],
    states: new Map([...base.states].map(([name, s]) => [name, { ...s, on: new Map(s.on) }])),
    events: new Map(base.events),
    on: new Map(base.on),
    declaresEvents: base.declaresEvents || layer.declaresEvents,
  };

  for (const [name, state] of layer.states) {
    if ('removed' in state) {
      if (!draft.states.delete(name)) nothingToRemove(state.at.pointer, 'state', name, draft.states.keys());
      continue;
    }
    const merged: DraftState = draft.states.get(name) ?? { final: false, on: new Map(), at: state.at };
    if (state.label !== undefined) merged.label = state.label;
    if (state.description !== undefined) merged.description = state.description;
    if (state.final !== undefined) merged.final = state.final;
    merged.at = state.at;
    mergeOn(merged.on, state.on, 'transition');
    draft.states.set(name, merged);
  }

  for (const [name, event] of layer.events) {
    if ('removed' in event) {
      if (!draft.events.delete(name)) nothingToRemove(event.at.pointer, 'event', name, draft.events.keys());
      for (const state of draft.states.values()) state.on.delete(name);
      draft.on.delete(name);
      continue;
    }
    const under = draft.events.get(name);
    draft.events.set(
      name,
      under
        ? { fields: { ...under.fields, ...event.fields }, fieldsAt: { ...under.fieldsAt, ...event.fieldsAt }, at: event.at }
        : event,
    );
  }

  mergeOn(draft.on, layer.on, 'workflow-wide transition');
  return { draft, issues };
}
