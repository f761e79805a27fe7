import type { Registry } from '../../../../engine/index.js';
import { PROVIDER_ROLES } from './grantableRoles.js';

/** A role string in French, for people: what it gives access to; a stale one (its definition gone) says so. */
export function describeRole(role: string, registry: Registry): string {
  if (role === 'admin') return 'Administrateur de la plateforme';
  const [provider, definitionId, name] = role.split(':');
  const label = Object.prototype.hasOwnProperty.call(PROVIDER_ROLES, name ?? '') ? PROVIDER_ROLES[name as keyof typeof PROVIDER_ROLES] : name;
  if (definitionId === '*') return `${label}, toutes les habilitations de ${provider}`;
  const definition = registry.definitions.get(definitionId ?? '');
  if (!definition || definition.meta.provider !== provider) return `${label} sur une habilitation inconnue : ce rôle ne donne accès à rien`;
  return `${label}, ${definition.meta.name}`;
}
