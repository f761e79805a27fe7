import type { Definition } from '../model/Definition.js';
import type { Actor, RequestSnapshot } from '../model/Request.js';
import { defaultWorkflowRegistry } from './defaultRegistry.js';
import type { WorkflowRegistry } from './registry.js';
import { selectBranch } from './selectBranch.js';
import { CREATE_EVENT, type ReasonRequirement } from './Workflow.js';

export interface AllowedEvent {
  event: string;
  label: string;
  /** The state the request would be in; the same state for a targetless transition. */
  target: string;
  reason: ReasonRequirement;
  /** The longest reason taken, in characters: a form's `maxlength`. */
  reasonMaxLength: number;
}

/**
 * The events `actor` may fire on `request` now (only `create` when `request` is null), in the workflow's
 * order: the buttons a page shows. Guards that read the event input see an input with no data.
 */
export function allowedEvents(definition: Definition, request: RequestSnapshot | null, actor: Actor, now: Date, options: { registry?: WorkflowRegistry } = {}): AllowedEvent[] {
  const registry = options.registry ?? defaultWorkflowRegistry;
  const out: AllowedEvent[] = [];
  for (const [event, spec] of Object.entries(definition.workflow.events)) {
    if ((event === CREATE_EVENT) !== (request === null)) continue;
    const selected = selectBranch(definition, request, { type: event }, actor, now, registry);
    if ('issues' in selected) continue;
    out.push({ event, label: spec.label, target: selected.context.to, reason: selected.reason, reasonMaxLength: selected.reasonMaxLength });
  }
  return out;
}
