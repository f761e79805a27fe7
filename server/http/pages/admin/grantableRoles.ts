import { BUILT_IN_ROLES, type Definition, type Registry } from '../../../../engine/index.js';

/**
 * The built-in roles granted on a provider's definitions, with their French names from the engine
 * (`applicant` and `system` are never granted, `admin` is a role string of its own).
 */
export const PROVIDER_ROLES = {
  instructor: BUILT_IN_ROLES.instructor.label,
  reporter: BUILT_IN_ROLES.reporter.label,
  manager: BUILT_IN_ROLES.manager.label,
  developer: BUILT_IN_ROLES.developer.label,
} as const;

/** The extra roles of a definition: those its workflow introduces and those of definition.yaml `roles`. */
export const extraRolesOf = (definition: Definition): string[] => [...new Set([...definition.workflow.roles, ...definition.meta.roles])];

/** The loaded definitions of `provider`, by id. */
export const definitionsOf = (registry: Registry, provider: string): Definition[] =>
  [...registry.definitions.values()].filter((d) => d.meta.provider === provider).sort((a, b) => a.id.localeCompare(b.id));

/** Every provider of the loaded definitions, sorted. */
export const providersOf = (registry: Registry): string[] => [...new Set([...registry.definitions.values()].map((d) => d.meta.provider))].sort();

/** The roles that can be granted on `definitions`: the built-in provider roles, then their extra roles. */
export const rolesFor = (definitions: readonly Definition[]): string[] => [...new Set([...Object.keys(PROVIDER_ROLES), ...definitions.flatMap(extraRolesOf)])];

/** Every role string an admin can grant, for suggestions: `admin`, then per provider its `*` and definitions. */
export function grantableRoles(registry: Registry): string[] {
  const out = ['admin'];
  for (const provider of providersOf(registry)) {
    const definitions = definitionsOf(registry, provider);
    for (const role of rolesFor(definitions)) out.push(`${provider}:*:${role}`);
    for (const d of definitions) for (const role of rolesFor([d])) out.push(`${provider}:${d.id}:${role}`);
  }
  return out;
}
