import type { DefinitionMeta, Scope } from '../model/DefinitionMeta.js';

/** The scopes of definition.yaml, flattened for lookups. */
export interface ScopeCatalogue {
  /** Every value, in declaration order. */
  values: string[];
  byValue: Map<string, Scope>;
}

/** The declared scopes, or undefined when the definition declares none. */
export function scopeCatalogue(meta: DefinitionMeta): ScopeCatalogue | undefined {
  const byValue = new Map<string, Scope>();
  // A value declared twice is the loader's DUPLICATE_ID; here the first declaration wins, so the enum
  // stays a valid schema.
  for (const group of meta.scopes ?? []) for (const scope of group.items ?? []) if (!byValue.has(scope.value)) byValue.set(scope.value, scope);
  if (!byValue.size) return undefined;
  return { values: [...byValue.keys()], byValue };
}
