import type { AuthorizationSnapshot, RequestSnapshot } from '../../model/Request.js';
import type { Effect } from '../Effect.js';
import { eventIssue } from '../eventIssue.js';
import type { EffectDefinition, EffectOutcome } from '../registry.js';

function activeAuthorizations(request: RequestSnapshot): AuthorizationSnapshot[] {
  return request.authorizations.filter((a) => a.state === 'active');
}

/** Turn every active authorization into `state`, emitting one effect per authorization. */
function endActive(next: RequestSnapshot, state: 'obsolete' | 'revoked', type: 'mark_authorization_obsolete' | 'revoke_authorization'): EffectOutcome {
  const effects: Effect[] = [];
  const authorizations = next.authorizations.map((a) => {
    if (a.state !== 'active') return a;
    effects.push({ type, authorizationId: a.id });
    return { ...a, state };
  });
  return { next: { ...next, authorizations }, effects };
}

const freezeAuthorization: EffectDefinition = {
  description: 'Create an active authorization: a frozen copy of the request data (the request is then validated).',
  emits: ['freeze_authorization'],
  apply(c, next) {
    const authorization: AuthorizationSnapshot = {
      id: `${next.id}/${next.authorizations.length + 1}`,
      state: 'active',
      data: structuredClone(next.data),
      createdAt: c.now.toISOString(),
    };
    return {
      next: { ...next, authorizations: [...next.authorizations, authorization], lastValidatedAt: c.now.toISOString() },
      effects: [{ type: 'freeze_authorization', authorizationId: authorization.id, data: structuredClone(authorization.data) }],
    };
  },
};

const markObsolete: EffectDefinition = {
  description: 'Mark the active authorizations obsolete: put it before `freeze_authorization` when approving a reopening.',
  emits: ['mark_authorization_obsolete'],
  apply: (_c, next) => endActive(next, 'obsolete', 'mark_authorization_obsolete'),
};

const revokeAuthorization: EffectDefinition = {
  description: 'Revoke the active authorizations of the request.',
  emits: ['revoke_authorization'],
  apply: (_c, next) => endActive(next, 'revoked', 'revoke_authorization'),
};

const restoreAuthorizationData: EffectDefinition = {
  description: 'Set the request data back to that of its latest active authorization (end of a reopening).',
  emits: ['restore_authorization_data'],
  apply(_c, next) {
    const authorization = activeAuthorizations(next).at(-1);
    if (!authorization) {
      return { issues: [eventIssue('EVENT_GUARD_FAILED', '', 'Cette demande n’a pas d’habilitation active dont reprendre les données.')] };
    }
    return {
      next: { ...next, data: structuredClone(authorization.data) },
      effects: [{ type: 'restore_authorization_data', authorizationId: authorization.id }],
    };
  },
};

const startReopening: EffectDefinition = {
  description: 'Mark the request as a reopening (a change to an approved request).',
  emits: [],
  apply: (_c, next) => ({ next: { ...next, reopening: true }, effects: [] }),
};

const endReopening: EffectDefinition = {
  description: 'Mark the request as no longer a reopening.',
  emits: [],
  apply: (_c, next) => ({ next: { ...next, reopening: false }, effects: [] }),
};

const renderConvention: EffectDefinition = {
  description: 'Render and store the convention document of the latest active authorization (put it after `freeze_authorization`).',
  emits: ['render_convention'],
  apply(_c, next) {
    const authorization = activeAuthorizations(next).at(-1);
    return { next, effects: authorization ? [{ type: 'render_convention', authorizationId: authorization.id }] : [] };
  },
};

/** Effects on the authorizations of the request. */
export const AUTHORIZATION_EFFECTS = {
  mark_authorization_obsolete: markObsolete,
  freeze_authorization: freezeAuthorization,
  revoke_authorization: revokeAuthorization,
  restore_authorization_data: restoreAuthorizationData,
  start_reopening: startReopening,
  end_reopening: endReopening,
  render_convention: renderConvention,
};
