import { actorRoles, type Definition, type Registry, type RequestSnapshot } from '../../engine/index.js';
import type { Caller } from '../AppContext.js';
import { actorOf } from '../lifecycle/requestSnapshot.js';

/**
 * Whether `caller` may see a request of `definition` owned by `organizationId`: an applicant of the
 * organisation they currently act for, a holder of any role on the definition (provider wildcard
 * included), or an admin. What they may *do* is the workflow's to say.
 */
export function canSeeRequest(caller: Caller, definition: Definition, organizationId: number): boolean {
  return rolesOnRequest(caller, definition, organizationId).size > 0;
}

/** The roles `caller` holds on a request of `definition` owned by `organizationId` (applicant included). */
export function rolesOnRequest(caller: Caller, definition: Definition, organizationId: number): Set<string> {
  // Only the owner matters to the roles: the engine reads nothing else of the request here.
  return actorRoles(definition, { organizationId: String(organizationId) } as RequestSnapshot, actorOf(caller));
}

/** The definitions on which `caller` holds a provider role (all of them for an admin). */
export function definitionsWithRole(caller: Caller, registry: Registry): string[] {
  // Without an organisation, `applicant` is not among the roles: only provider roles count here.
  const { organizationId: _organization, ...actor } = actorOf(caller);
  return [...registry.definitions.values()].filter((d) => actorRoles(d, null, actor).size > 0).map((d) => d.id);
}
