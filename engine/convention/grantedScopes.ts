import type { ScopeGroup } from '../model/DefinitionMeta.js';

export interface GrantedScopeGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The scopes a request asks for, grouped and ordered as definition.yaml declares them, with their labels:
 * what a convention lists under "Données transmises". Groups with nothing granted are left out; values
 * that definition.yaml does not declare are ignored (validation reports them).
 */
export function grantedScopes(groups: readonly ScopeGroup[], data: Record<string, unknown>): GrantedScopeGroup[] {
  const asked = new Set(Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === 'string') : []);
  return groups
    .map((g) => ({ group: g.group, items: g.items.filter((s) => asked.has(s.value)).map((s) => ({ value: s.value, label: s.label })) }))
    .filter((g) => g.items.length > 0);
}
