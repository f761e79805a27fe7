import { echoed } from '../issues/echoed.js';
import type { Issue } from '../issues/Issue.js';
import type { Definition } from '../model/Definition.js';
import type { Actor, RequestSnapshot, WorkflowEventInput } from '../model/Request.js';
import { eventIssue } from './eventIssue.js';
import type { TransitionContext, WorkflowRegistry } from './registry.js';
import { actorRoles, roleLabel } from './roles.js';
import { CREATE_EVENT, own, type ReasonRequirement, type Transition, type WorkflowEvent } from './Workflow.js';

export interface Selected {
  event: WorkflowEvent;
  branch: Transition;
  context: TransitionContext;
  /** What the winning branch asks of the reason, for the acting role. */
  reason: ReasonRequirement;
  /** The longest reason the winning branch takes, in characters. */
  reasonMaxLength: number;
  /** Where the reason is in the event input: `/message` when it was given as `message`. */
  reasonPointer: '/reason' | '/message';
}

/**
 * The branch an event takes, checked in the order people expect the refusals: the event exists, the state
 * allows it, the actor holds a role of some branch, then the first branch whose guards pass wins.
 */
export function selectBranch(
  definition: Definition,
  request: RequestSnapshot | null,
  input: WorkflowEventInput,
  actor: Actor,
  now: Date,
  registry: WorkflowRegistry,
): Selected | { issues: Issue[] } {
  const refuse = (code: Issue['code'], pointer: string, message: string) => ({ issues: [eventIssue(code, pointer, message)] });
  const workflow = definition.workflow;
  const name = input.type;
  const event = own(workflow.events, name);
  if (!event) {
    return refuse('EVENT_UNKNOWN', '/type', `L’action « ${echoed(name)} » n’existe pas pour ce type d’habilitation. Actions possibles : ${Object.keys(workflow.events).join(', ')}.`);
  }
  let from: string | null = null;
  let branches: Transition[];
  if (name === CREATE_EVENT) {
    if (request) return refuse('EVENT_NOT_ALLOWED_IN_STATE', '/type', 'Cette demande existe déjà : elle ne peut pas être créée une seconde fois.');
    branches = [{ target: workflow.initial, guards: [], effects: [], at: event.at }];
  } else {
    if (!request) return refuse('EVENT_INPUT_INVALID', '', `L’action « ${event.label} » porte sur une demande existante : indiquez laquelle.`);
    from = request.state;
    const state = own(workflow.states, from);
    branches = (state && own(state.on, name)) ?? [];
    if (!branches.length) {
      return refuse('EVENT_NOT_ALLOWED_IN_STATE', '/type', `L’action « ${event.label} » n’est pas possible pour une demande « ${state?.label ?? from} ».`);
    }
  }

  const roles = actorRoles(definition, request, actor);
  const given = input.reason ?? input.message;
  const reasonPointer = input.reason === undefined && input.message !== undefined ? '/message' : '/reason';
  if (given !== undefined && typeof given !== 'string') return refuse('EVENT_INPUT_INVALID', reasonPointer, 'Le motif doit être un texte.');
  const text = given?.trim() || undefined;

  let refusal: Issue | undefined;
  for (const branch of branches) {
    const actors = branch.actors ?? event.actors;
    const actingAs = actors.find((role) => roles.has(role));
    if (!actingAs) continue;
    const rule = branch.reason ?? event.reason;
    const reason: ReasonRequirement = typeof rule === 'string' ? rule : (own(rule, actingAs) ?? 'optional');
    const context: TransitionContext = {
      definition,
      request,
      input,
      event: name,
      from,
      to: branch.target ?? from ?? workflow.initial,
      actor,
      roles,
      actingAs,
      ...(text !== undefined && reason !== 'none' ? { reason: text } : {}),
      now,
    };
    const failed = [...event.guards, ...branch.guards].find((call) => !guardOf(registry, call.name).test(context, call.args));
    if (failed) {
      refusal ??= eventIssue('EVENT_GUARD_FAILED', '', guardOf(registry, failed.name).refusal(context, failed.args));
      continue;
    }
    return { event, branch, context, reason, reasonMaxLength: branch.reasonMaxLength ?? event.reasonMaxLength, reasonPointer };
  }
  if (refusal) return { issues: [refusal] };
  const allowed = [...new Set(branches.flatMap((b) => b.actors ?? event.actors))].map(roleLabel).join(', ');
  const reservedTo = allowed ? `elle est réservée aux rôles : ${allowed}` : 'personne ne peut la faire dans cet état';
  return refuse('EVENT_FORBIDDEN', '', `Vous ne pouvez pas faire l’action « ${event.label} » sur cette demande : ${reservedTo}.`);
}

// A workflow checked against another registry than the one running it is a programmer error.
function guardOf(registry: WorkflowRegistry, name: string) {
  const guard = registry.guards.get(name);
  if (!guard) throw new Error(`Workflow guard "${name}" is not registered`);
  return guard;
}
