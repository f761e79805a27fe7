import type { ScopeGroup } from '../../../engine/index.js';
import type { ScopeGroupView } from './scopeViews.js';

/**
 * The scopes after ticking or unticking `value`: the selection plus the included scopes shown, in the order
 * of definition.yaml, followed by values unknown to it (the server names them; dropping them would hide it).
 */
export function toggledScopes(groups: ScopeGroupView[], allGroups: ScopeGroup[], selected: readonly string[], value: string, checked: boolean): string[] {
  const next = new Set(selected);
  for (const group of groups) for (const item of group.items) if (item.scope.included) next.add(item.scope.value);
  if (checked) next.add(value);
  else next.delete(value);
  const order = allGroups.flatMap((group) => group.items.map((scope) => scope.value));
  const known = new Set(order);
  return [...order.filter((v) => next.has(v)), ...selected.filter((v) => !known.has(v))];
}
