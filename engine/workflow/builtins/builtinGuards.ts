import { suggestion } from '../../issues/didYouMean.js';
import type { DefinitionMeta } from '../../model/DefinitionMeta.js';
import type { RequestSnapshot } from '../../model/Request.js';
import type { GuardDefinition } from '../registry.js';
import { own } from '../Workflow.js';

const FEATURES = ['messaging', 'reopening', 'transfer'] as const satisfies readonly (keyof DefinitionMeta['features'])[];
type Feature = (typeof FEATURES)[number];

const FEATURE_LABELS: Record<Feature, string> = {
  messaging: 'La messagerie',
  reopening: 'La mise à jour d’une habilitation validée',
  transfer: 'Le transfert de demande',
};

function hasActiveAuthorization(request: RequestSnapshot | null): boolean {
  return !!request?.authorizations.some((a) => a.state === 'active');
}

const isReopening: GuardDefinition = {
  description: 'The request is a reopening: a change to an approved request whose authorization is still active.',
  test: (c) => !!c.request?.reopening,
  refusal: () => 'Cette action ne concerne qu’une demande de mise à jour d’une habilitation validée.',
};

const notReopening: GuardDefinition = {
  description: 'The request is not a reopening.',
  test: (c) => !c.request?.reopening,
  refusal: () => 'Cette action n’est pas possible pendant la mise à jour d’une habilitation validée.',
};

const noActiveAuthorization: GuardDefinition = {
  description: 'The request has no active authorization (none yet, or all obsolete or revoked).',
  test: (c) => !hasActiveAuthorization(c.request),
  refusal: () => 'Cette demande a une habilitation active : révoquez-la ou annulez la mise à jour d’abord.',
};

const hasActive: GuardDefinition = {
  description: 'The request has an active authorization.',
  test: (c) => hasActiveAuthorization(c.request),
  refusal: () => 'Cette demande n’a pas d’habilitation active.',
};

const hasNextStage: GuardDefinition = {
  description: "The definition is a sandbox stage: definition.yaml `stage` is `{ kind: sandbox, next: <definition> }`.",
  test: (c) => c.definition.meta.stage?.kind === 'sandbox',
  refusal: () => 'Ce type d’habilitation n’a pas d’étape de production à suivre.',
};

const notSameActorAs: GuardDefinition<string> = {
  description: 'The actor is not the one who fired the most recent occurrence of the named event (four-eyes rule); passes when it never happened.',
  argument: 'an event name, e.g. `pre_approve`',
  argumentSchema: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
  checkArgument: (event, scope) =>
    scope.events.includes(event)
      ? []
      : [{ code: 'WORKFLOW_UNKNOWN_EVENT', what: `Unknown event "${event}" in guard "not_same_actor_as"`, hint: suggestion(event, scope.events, 'Known events') }],
  test: (c, event) => {
    const last = [...(c.request?.history ?? [])].reverse().find((h) => h.event === event);
    return !last || last.actorId !== c.actor.id;
  },
  refusal: (c, event) => {
    const label = own(c.definition.workflow.events, event)?.label ?? event;
    return `Vous avez déjà fait l’action « ${label} » sur cette demande : une autre personne doit faire celle-ci.`;
  },
};

const feature: GuardDefinition<Feature> = {
  description: 'The definition has this feature switched on in definition.yaml `features`.',
  argument: `a feature name: ${FEATURES.join(', ')}`,
  argumentSchema: { type: 'string', enum: FEATURES },
  test: (c, name) => c.definition.meta.features?.[name] === true,
  refusal: (_c, name) => `${FEATURE_LABELS[name]} n’est pas ouvert pour ce type d’habilitation.`,
};

/** The guards every workflow may use. */
export const BUILTIN_GUARDS = {
  is_reopening: isReopening,
  not_reopening: notReopening,
  has_active_authorization: hasActive,
  no_active_authorization: noActiveAuthorization,
  has_next_stage: hasNextStage,
  not_same_actor_as: notSameActorAs,
  feature,
};
