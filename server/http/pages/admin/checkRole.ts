import type { Registry } from '../../../../engine/index.js';
import { definitionsOf, PROVIDER_ROLES, providersOf, rolesFor } from './grantableRoles.js';

const list = (values: readonly string[]) => values.join(', ');
const FORMAT = 'Un rôle s’écrit admin, ou fournisseur:habilitation:rôle (par exemple dinum:api-particulier:instructor, ou dinum:*:reporter pour toutes les habilitations du fournisseur).';

/**
 * Whether `input` is a role an admin may grant: `admin`, or `<provider>:<definition or *>:<role>` where the
 * provider and the definition exist in the registry and the role is a built-in provider role or an extra role
 * of the definition (of one of the provider's, for `*`). The refusal says what is wrong and what exists.
 */
export function checkRole(input: string, registry: Registry): { role: string } | { error: string } {
  const role = input.trim();
  if (!role) return { error: 'Indiquez le rôle à ajouter. ' + FORMAT };
  if (role === 'admin') return { role };
  const parts = role.split(':');
  if (parts.length !== 3 || parts.some((p) => !p || /\s/.test(p))) return { error: `« ${role} » n’est pas un rôle. ${FORMAT}` };
  const [provider, definitionId, name] = parts as [string, string, string];
  const providers = providersOf(registry);
  if (!providers.includes(provider)) return { error: `Le fournisseur « ${provider} » n’existe pas. Fournisseurs connus : ${list(providers)}.` };
  const own = definitionsOf(registry, provider);
  if (definitionId !== '*' && !own.some((d) => d.id === definitionId)) {
    const elsewhere = registry.definitions.get(definitionId);
    return {
      error: elsewhere
        ? `L’habilitation « ${definitionId} » est du fournisseur « ${elsewhere.meta.provider} », pas de « ${provider} ».`
        : `L’habilitation « ${definitionId} » n’existe pas chez le fournisseur « ${provider} ». Habilitations de ${provider} : ${list(own.map((d) => d.id))}, ou * pour toutes.`,
    };
  }
  const roles = rolesFor(definitionId === '*' ? own : own.filter((d) => d.id === definitionId));
  if (!roles.includes(name)) {
    const named = roles.map((r) => (Object.prototype.hasOwnProperty.call(PROVIDER_ROLES, r) ? `${r} (${PROVIDER_ROLES[r as keyof typeof PROVIDER_ROLES]})` : r));
    return { error: `Le rôle « ${name} » n’existe pas pour ${definitionId === '*' ? `les habilitations de ${provider}` : `l’habilitation ${definitionId}`}. Rôles possibles : ${list(named)}.` };
  }
  return { role };
}
