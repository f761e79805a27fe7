import { actorRoles, type Definition, type Registry } from '../../../../engine/index.js';
import type { Caller } from '../../../AppContext.js';
import { HttpError } from '../../HttpError.js';

/** The definitions `caller` manages (all of them for an admin), by name; a 403 when none. */
export function managedDefinitions(caller: Caller, registry: Registry): Definition[] {
  const actor = { kind: 'user' as const, id: String(caller.userId), roles: caller.roles };
  const managed = [...registry.definitions.values()].filter((d) => {
    const roles = actorRoles(d, null, actor);
    return roles.has('manager') || roles.has('admin');
  });
  if (!managed.length) throw HttpError.of(403, 'NOT_A_MANAGER', 'Forbidden', 'Cette page est réservée aux gestionnaires des habilitations et aux administrateurs.');
  return managed.sort((a, b) => a.meta.name.localeCompare(b.meta.name, 'fr'));
}
