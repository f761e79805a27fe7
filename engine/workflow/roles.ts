import type { Definition } from '../model/Definition.js';
import type { Actor, RequestSnapshot } from '../model/Request.js';

/** The roles a workflow may name without declaring them, with how they are shown to people (French). */
export const BUILT_IN_ROLES = {
  applicant: { label: 'demandeur', doc: 'A user acting for the organisation the request belongs to.' },
  reporter: { label: 'rapporteur', doc: 'Sees the requests of the definition; fires nothing in the standard workflow.' },
  instructor: { label: 'instructeur', doc: 'Approves, refuses or asks for changes. Includes reporter.' },
  manager: { label: 'gestionnaire', doc: 'Instructor who also manages templates and rights. Includes instructor.' },
  developer: { label: 'développeur', doc: 'Manages API clients and webhooks. Includes reporter.' },
  admin: { label: 'administrateur', doc: 'Platform administrator: may do what a manager does.' },
  system: { label: 'système', doc: 'The platform itself or an API client (`actor.kind: system`).' },
} as const;

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;

/** Which roles a role includes: a manager may do what an instructor may, and so on. */
const INCLUDES: Record<string, readonly string[]> = {
  admin: ['manager'],
  manager: ['instructor'],
  instructor: ['reporter'],
  developer: ['reporter'],
};

/** The French name of a role, for refusal messages. */
export function roleLabel(role: string): string {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_ROLES, role) ? BUILT_IN_ROLES[role as BuiltInRole].label : role;
}

/** Every role name a workflow may use, built-in ones first. */
export function knownRoles(extraRoles: readonly string[] = []): string[] {
  return [...new Set([...Object.keys(BUILT_IN_ROLES), ...extraRoles])];
}

/**
 * The roles `actor` holds on `request` of `definition`, the included ones added: role strings
 * `<provider>:<definition>:<role>`, `<provider>:*:<role>` and `admin`; `applicant` when the user acts for the
 * request's organisation (for `create`, any organisation); `system` alone for a system actor.
 */
export function actorRoles(definition: Definition, request: RequestSnapshot | null, actor: Actor): Set<string> {
  if (actor.kind === 'system') return new Set(['system']);
  const held = new Set<string>();
  for (const role of actor.roles) {
    if (role === 'admin') {
      held.add('admin');
      continue;
    }
    const [provider, definitionId, name, ...rest] = role.split(':');
    if (rest.length || !name || provider !== definition.meta.provider) continue;
    if (definitionId === '*' || definitionId === definition.id) held.add(name);
  }
  for (const role of [...held]) addIncluded(role, held);
  const organizationId = actor.organizationId;
  if (organizationId && (request === null || request.organizationId === organizationId)) held.add('applicant');
  return held;
}

function addIncluded(role: string, into: Set<string>): void {
  for (const included of INCLUDES[role] ?? []) {
    into.add(included);
    addIncluded(included, into);
  }
}
