import { echoed } from '../issues/echoed.js';
import type { Issue } from '../issues/Issue.js';
import type { Definition } from '../model/Definition.js';
import type { Actor, RequestSnapshot, WorkflowEventInput } from '../model/Request.js';
import { defaultWorkflowRegistry } from './defaultRegistry.js';
import type { Effect } from './Effect.js';
import { eventIssue } from './eventIssue.js';
import { reasonTooLong } from './reasonTooLong.js';
import type { WorkflowRegistry } from './registry.js';
import { selectBranch } from './selectBranch.js';

export type TransitionResult = { next: RequestSnapshot; effects: Effect[] } | { issues: Issue[] };

/**
 * Fire `event` on `request` (null for `create`) as `actor` at `now`: the next snapshot and the effects the
 * server must carry out, or the issues that refuse the event (French messages, pointers into the event
 * input). Pure, in the manner of XState's `transition()`: nothing is mutated, nothing is carried out.
 * On `create`, `next.id` is '' until the server assigns one.
 */
export function transition(
  definition: Definition,
  request: RequestSnapshot | null,
  event: WorkflowEventInput,
  actor: Actor,
  now: Date,
  options: { registry?: WorkflowRegistry } = {},
): TransitionResult {
  const registry = options.registry ?? defaultWorkflowRegistry;
  if (!event || typeof event !== 'object' || typeof event.type !== 'string') {
    return { issues: [eventIssue('EVENT_INPUT_INVALID', '/type', 'Indiquez l’action à faire (type).')] };
  }
  const selected = selectBranch(definition, request, event, actor, now, registry);
  if ('issues' in selected) return selected;
  const { context, branch, reason } = selected;
  if (reason === 'required' && context.reason === undefined) {
    return { issues: [eventIssue('EVENT_REASON_REQUIRED', '/reason', `L’action « ${selected.event.label} » demande un motif : expliquez votre décision.`)] };
  }
  const tooLong = reasonTooLong(context.reason, selected.reasonMaxLength, selected.reasonPointer);
  if (tooLong) return { issues: [tooLong] };

  const start = request ? startFrom(request, context.to, now) : created(definition, event, actor, context.to, now);
  if ('issues' in start) return start;
  let next = start.next;
  const effects: Effect[] = [];
  for (const call of [...selected.event.effects, ...branch.effects]) {
    const effect = registry.effects.get(call.name);
    // A workflow checked against another registry than the one running it is a programmer error.
    if (!effect) throw new Error(`Workflow effect "${call.name}" is not registered`);
    const outcome = effect.apply(context, next, call.args);
    if ('issues' in outcome) return outcome;
    next = outcome.next;
    effects.push(...outcome.effects);
  }
  return { next, effects };
}

function startFrom(request: RequestSnapshot, state: string, now: Date): { next: RequestSnapshot } {
  return { next: { ...structuredClone(request), state, updatedAt: now.toISOString() } };
}

/** The request `create` starts from, before its effects store the data. */
function created(definition: Definition, input: WorkflowEventInput, actor: Actor, state: string, now: Date): { next: RequestSnapshot } | { issues: Issue[] } {
  const useCaseId = input.useCaseId ?? '';
  if (typeof useCaseId !== 'string') return { issues: [eventIssue('EVENT_INPUT_INVALID', '/useCaseId', 'Le cas d’usage doit être un identifiant.')] };
  if (useCaseId && !definition.meta.use_cases.some((u) => u.id === useCaseId)) {
    const known = definition.meta.use_cases.map((u) => u.id).join(', ');
    return { issues: [eventIssue('UNKNOWN_USE_CASE', '/useCaseId', `Le cas d’usage « ${echoed(useCaseId)} » n’existe pas pour ce type d’habilitation.${known ? ` Cas d’usage : ${known}.` : ''}`)] };
  }
  if (!actor.organizationId) {
    return { issues: [eventIssue('EVENT_INPUT_INVALID', '', 'Choisissez l’organisation pour laquelle vous faites cette demande.')] };
  }
  const at = now.toISOString();
  return {
    next: {
      id: '',
      definitionId: definition.id,
      useCaseId,
      state,
      data: {},
      organizationId: actor.organizationId,
      applicantId: actor.id,
      reopening: false,
      createdAt: at,
      updatedAt: at,
      authorizations: [],
      history: [],
    },
  };
}
