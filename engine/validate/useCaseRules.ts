import type { UseCase } from '../model/DefinitionMeta.js';
import { pointerSegments } from '../source/SourceFile.js';
import type { FieldLabeler } from './fieldLabel.js';
import { lookup } from './jsonValue.js';
import type { LockedField } from './lockedKeyword.js';
import type { ScopeCatalogue } from './ScopeCatalogue.js';
import type { ScopeRule } from './scopesKeyword.js';

/** `2024-01-01` → `01/01/2024`, as French readers expect it. */
function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The scope values that may not be ticked with this use case, each with the French message of every
 * reason that applies. Undefined when every declared scope may be ticked, so no keyword is compiled.
 */
export function scopeRules(scopes: ScopeCatalogue, useCase: UseCase | undefined): Record<string, ScopeRule> | undefined {
  const offered = useCase?.scopes ? new Set(useCase.scopes) : undefined;
  const rules: Record<string, ScopeRule> = {};
  for (const [value, scope] of scopes.byValue) {
    const name = `La donnée « ${scope.label} »`;
    const rule: ScopeRule = {};
    if (offered && !offered.has(value)) rule.notInUseCase = `${name} n'est pas proposée pour le cas d'usage « ${useCase!.title} ».`;
    if (scope.disabled) rule.disabled = `${name} ne peut pas être demandée.`;
    if (scope.deprecated?.since) {
      rule.deprecated = { since: scope.deprecated.since, message: `${name} n'est plus proposée aux demandes créées après le ${frenchDate(scope.deprecated.since)}.` };
    }
    if (rule.notInUseCase || rule.disabled || rule.deprecated) rules[value] = rule;
  }
  return Object.keys(rules).length ? rules : undefined;
}

/** The scopes normalize adds: included ones that this use case offers and that are neither disabled nor deprecated. */
export function includedScopes(scopes: ScopeCatalogue, useCase: UseCase | undefined): string[] {
  const offered = useCase?.scopes ? new Set(useCase.scopes) : undefined;
  return scopes.values.filter((v) => {
    const s = scopes.byValue.get(v)!;
    return s.included && !s.disabled && !s.deprecated && (!offered || offered.has(v));
  });
}

/** The fields a use case locks, with their prefilled values and messages; `strict` is the context's to set. */
export function lockedFields(useCase: UseCase | undefined, labeler: FieldLabeler): Omit<LockedField, 'strict'>[] {
  if (!useCase?.locked?.length) return [];
  return useCase.locked.map((pointer) => {
    const path = pointerSegments(pointer);
    const { found, value } = lookup(useCase.prefill ?? {}, path);
    const message = `${labeler.label(path)} est fixé par le cas d'usage « ${useCase.title} » et ne peut pas être modifié.`;
    return { pointer, ...(found ? { value } : {}), message };
  });
}
