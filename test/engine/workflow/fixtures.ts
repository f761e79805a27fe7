import { loadDefinition } from '../../../engine/load/loadDefinition.js';
import type { Definition } from '../../../engine/model/Definition.js';
import type { Actor, AuthorizationSnapshot, RequestSnapshot, WorkflowEventInput } from '../../../engine/model/Request.js';
import { checkWorkflow, transition, type Effect, type TransitionResult } from '../../../engine/workflow/index.js';
import { loadBase } from './workflowFiles.js';

let loaded: Definition | undefined;

/** definitions/api-exemple, loaded once by the real loader (provider `exemple`, standard workflow). */
export function exemple(): Definition {
  if (loaded) return loaded;
  const result = loadDefinition('definitions/api-exemple');
  if (!result.definition || result.issues.length) {
    throw new Error(`definitions/api-exemple does not load:\n${result.issues.map((i) => i.message).join('\n')}`);
  }
  return (loaded = result.definition);
}

/** The example definition with other meta (features, stage) or another workflow of definitions/_workflows. */
export function variant(changes: { meta?: Partial<Definition['meta']>; workflow?: string }): Definition {
  const base = exemple();
  let workflow = base.workflow;
  if (changes.workflow) {
    const checked = checkWorkflow({ file: loadBase(changes.workflow)!, loadBase, extraRoles: base.meta.roles });
    if (!checked.workflow) throw new Error(checked.issues.map((i) => i.message).join('\n'));
    workflow = checked.workflow;
  }
  return { ...base, meta: { ...base.meta, ...changes.meta }, workflow };
}

/** The valid free-form submission of the example (examples/valid-libre.yaml). */
export function validData(): Record<string, unknown> {
  const example = exemple().examples.find((e) => e.useCaseId === 'libre' && e.issues.length === 0);
  if (!example) throw new Error('definitions/api-exemple has no valid free-form example');
  return structuredClone(example.data);
}

export const NOW = new Date('2025-06-01T10:00:00.000Z');
export const ORG = 'org-1';

/** Every kind of actor the lifecycle cares about, on requests of organisation `org-1` of provider `exemple`. */
const ACTOR_LIST = {
  applicant: { kind: 'user', id: 'u-applicant', roles: [], organizationId: ORG },
  applicant_other_org: { kind: 'user', id: 'u-stranger', roles: [], organizationId: 'org-2' },
  reporter: { kind: 'user', id: 'u-reporter', roles: ['exemple:api-exemple:reporter'] },
  developer: { kind: 'user', id: 'u-developer', roles: ['exemple:api-exemple:developer'] },
  instructor: { kind: 'user', id: 'u-instructor', roles: ['exemple:api-exemple:instructor'] },
  manager: { kind: 'user', id: 'u-manager', roles: ['exemple:api-exemple:manager'] },
  instructor_other_provider: { kind: 'user', id: 'u-dgfip', roles: ['dgfip:api-exemple:instructor', 'dgfip:*:manager'] },
  instructor_other_definition: { kind: 'user', id: 'u-other-def', roles: ['exemple:api-autre:instructor'] },
  provider_wildcard: { kind: 'user', id: 'u-wildcard', roles: ['exemple:*:instructor'] },
  admin: { kind: 'user', id: 'u-admin', roles: ['admin'] },
  system: { kind: 'system', id: 'api-client', roles: [], organizationId: ORG },
} satisfies Record<string, Actor>;

export type ActorName = keyof typeof ACTOR_LIST;
export const ACTORS: Record<ActorName, Actor> = ACTOR_LIST;

/** Actors holding each role of the standard workflow (roles included by others counted). */
export const HOLDERS: Record<'applicant' | 'instructor' | 'system', ActorName[]> = {
  applicant: ['applicant'],
  instructor: ['instructor', 'manager', 'provider_wildcard', 'admin'],
  system: ['system'],
};

/** Freeze deeply, so that a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function authorization(state: AuthorizationSnapshot['state'], data = validData()): AuthorizationSnapshot {
  return { id: 'D1/1', state, data, createdAt: '2025-02-01T00:00:00.000Z' };
}

/** A frozen request of organisation `org-1`, valid data, in `state`. */
export function request(state: string, overrides: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return deepFreeze({
    id: 'D1',
    definitionId: 'api-exemple',
    useCaseId: 'libre',
    state,
    data: validData(),
    organizationId: ORG,
    applicantId: 'u-applicant',
    reopening: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    authorizations: [],
    history: [],
    ...overrides,
  });
}

/** The data of a reopened request: the authorization's, with another project name. */
export function reopenedData(): Record<string, unknown> {
  const data = validData();
  (data.basic_infos as Record<string, unknown>).intitule = 'Tarifs du centre de loisirs, été 2025';
  return data;
}

/** One request in each situation of the standard lifecycle. */
export function fixtures() {
  const reopening = { reopening: true, authorizations: [authorization('active')], data: reopenedData() };
  return {
    draft: request('draft'),
    draft_reopening: request('draft', reopening),
    changes_requested: request('changes_requested'),
    changes_requested_reopening: request('changes_requested', reopening),
    submitted: request('submitted'),
    submitted_reopening: request('submitted', reopening),
    validated: request('validated', { authorizations: [authorization('active')] }),
    refused: request('refused'),
    revoked: request('revoked', { authorizations: [authorization('revoked')] }),
    archived: request('archived'),
  };
}

/** The input an actor sends for `type`, with whatever the event may need (data, reason, transfer target). */
export function inputFor(type: string): WorkflowEventInput {
  switch (type) {
    case 'create':
      return deepFreeze({ type, useCaseId: 'libre', data: validData() });
    case 'update':
    case 'submit':
      return deepFreeze({ type, data: validData() });
    case 'transfer':
      return deepFreeze({ type, to: { userId: 'u-colleague' } });
    default:
      return deepFreeze({ type, reason: 'Motif de la décision.' });
  }
}

export function fire(definition: Definition, req: RequestSnapshot | null, input: WorkflowEventInput, actor: Actor): TransitionResult {
  return transition(definition, req, input, actor, NOW);
}

/** The result's next snapshot, failing with the issues when the event was refused. */
export function accepted(result: TransitionResult): { next: RequestSnapshot; effects: Effect[] } {
  if ('issues' in result) throw new Error(`refused: ${result.issues.map((i) => `${i.code} ${i.pointer} ${i.message}`).join('; ')}`);
  return result;
}

export function refusedWith(result: TransitionResult): string[] {
  return 'issues' in result ? result.issues.map((i) => `${i.code} ${i.pointer}`) : ['accepted'];
}
