import type { Owner } from '../Effect.js';
import { isPlainObject } from '../dataChanges.js';
import { eventIssue } from '../eventIssue.js';
import type { EffectDefinition } from '../registry.js';

const transfer: EffectDefinition = {
  description: 'Give the request to another user of its organisation (`to.userId`), or, for an instructor, to another organisation (`to.organizationId`) and one of its users.',
  emits: ['transfer'],
  apply(c, next) {
    const to = c.input.to as unknown;
    const refuse = (pointer: string, message: string) => ({ issues: [eventIssue('EVENT_INPUT_INVALID', pointer, message)] });
    if (!isPlainObject(to)) return refuse('/to', 'Indiquez à qui transférer la demande : un utilisateur (to.userId), une organisation (to.organizationId) ou les deux.');
    for (const key of ['userId', 'organizationId'] as const) {
      if (to[key] !== undefined && (typeof to[key] !== 'string' || to[key] === '')) return refuse(`/to/${key}`, `L’identifiant ${key} du destinataire doit être un texte non vide.`);
    }
    const userId = to.userId as string | undefined;
    const organizationId = to.organizationId as string | undefined;
    if (!userId && !organizationId) return refuse('/to', 'Indiquez à qui transférer la demande : un utilisateur (to.userId), une organisation (to.organizationId) ou les deux.');
    const from: Owner = { userId: next.applicantId, organizationId: next.organizationId };
    const owner: Owner = { userId: userId ?? from.userId, organizationId: organizationId ?? from.organizationId };
    if (owner.userId === from.userId && owner.organizationId === from.organizationId) return refuse('/to', 'La demande appartient déjà à ce destinataire.');
    // Organisation ids are sequential: an applicant naming one could push a request into any organisation,
    // unasked. Moving a request across organisations is the provider's act (instructor, included by manager and admin).
    if (owner.organizationId !== from.organizationId && !c.roles.has('instructor')) {
      return {
        issues: [
          eventIssue(
            'EVENT_FORBIDDEN',
            '/to/organizationId',
            'Vous pouvez transférer la demande à un autre membre de votre organisation seulement : le transfert vers une autre organisation est fait par l’équipe instructrice, à qui vous pouvez l’écrire.',
          ),
        ],
      };
    }
    return {
      next: { ...next, applicantId: owner.userId, organizationId: owner.organizationId },
      effects: [{ type: 'transfer', from, to: owner }],
    };
  },
};

const createNextStageRequest: EffectDefinition = {
  description: "Create the request of the next stage (definition.yaml `stage.next`) for the same organisation and applicant, starting from this request's data without its terms: the production stage asks for its own.",
  emits: ['create_next_stage_request'],
  apply(c, next) {
    const stage = c.definition.meta.stage;
    if (stage?.kind !== 'sandbox') {
      return { issues: [eventIssue('EVENT_GUARD_FAILED', '', 'Ce type d’habilitation n’a pas d’étape de production à suivre.')] };
    }
    return {
      next,
      effects: [
        {
          type: 'create_next_stage_request',
          definitionId: stage.next,
          fromRequestId: next.id,
          organizationId: next.organizationId,
          applicantId: next.applicantId,
          data: withoutTerms(next.data),
        },
      ],
    };
  },
};

/** The data a next stage starts from: everything but the terms, which the next stage asks for again. */
function withoutTerms(data: Record<string, unknown>): Record<string, unknown> {
  const { terms: _terms, ...rest } = structuredClone(data);
  return rest;
}

/** Effects on who owns the request and on the requests that follow it. */
export const OWNERSHIP_EFFECTS = {
  transfer,
  create_next_stage_request: createNextStageRequest,
};
