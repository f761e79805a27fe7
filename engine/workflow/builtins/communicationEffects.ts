import { suggestion } from '../../issues/didYouMean.js';
import type { EffectDefinition } from '../registry.js';

const recordEvent: EffectDefinition = {
  description: 'Log the event with its actor, date, states and reason; guards such as `not_same_actor_as` read this log.',
  emits: ['record_event'],
  apply(c, next) {
    const at = c.now.toISOString();
    return {
      next: { ...next, history: [...(next.history ?? []), { event: c.event, actorId: c.actor.id, at }] },
      effects: [
        {
          type: 'record_event',
          event: c.event,
          from: c.from,
          to: c.to,
          actorId: c.actor.id,
          actorKind: c.actor.kind,
          at,
          ...(c.reason === undefined ? {} : { reason: c.reason }),
        },
      ],
    };
  },
};

type NotifyArgument = string[] | { roles: string[]; template?: string };

const ROLE = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };

const notify: EffectDefinition<NotifyArgument> = {
  description: 'E-mail the people holding these roles on the request; the e-mail template is named after the event unless `template` is given.',
  argument: 'a list of roles, e.g. `[applicant]`, or `{ roles: [instructor], template: <name> }`',
  argumentSchema: {
    // `items`/`minItems` apply to the list form, `properties`/`required` to the mapping form.
    type: ['array', 'object'],
    minItems: 1,
    items: ROLE,
    properties: { roles: { type: 'array', minItems: 1, items: ROLE }, template: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' } },
    required: ['roles'],
    additionalProperties: false,
  },
  emits: ['notify'],
  checkArgument(argument, scope) {
    const [roles, prefix] = Array.isArray(argument) ? [argument, ''] : [argument.roles, '/roles'];
    return roles.flatMap((role, i) =>
      scope.roles.includes(role)
        ? []
        : [{ code: 'WORKFLOW_UNKNOWN_ROLE' as const, pointer: `${prefix}/${i}`, what: `Unknown role "${role}" in effect "notify"`, hint: suggestion(role, scope.roles, 'Known roles') }],
    );
  },
  apply(c, next, argument) {
    const [roles, template] = Array.isArray(argument) ? [argument, c.event] : [argument.roles, argument.template ?? c.event];
    return { next, effects: [{ type: 'notify', event: c.event, roles: [...roles], template }] };
  },
};

const deliverWebhook: EffectDefinition = {
  description: "Queue the definition's webhook for this event (delivered only when the provider has one enabled).",
  emits: ['deliver_webhook'],
  apply: (c, next) => ({ next, effects: [{ type: 'deliver_webhook', event: c.event }] }),
};

/** Effects that tell people and systems what happened. */
export const COMMUNICATION_EFFECTS = {
  record_event: recordEvent,
  notify,
  deliver_webhook: deliverWebhook,
};
