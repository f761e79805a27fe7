import type { ErrorObject, FuncKeywordDefinition } from 'ajv';
import type { EngineKeyword } from './EngineKeyword.js';
import { keywordFunction } from './keywordFunction.js';

export const SCOPES_KEYWORD = 'datapass:scopes';

/** Why a declared scope may not be ticked; each a French message, ready to show. */
export interface ScopeRule {
  notInUseCase?: string;
  disabled?: string;
  deprecated?: { since: string; message: string };
}

/** What `options.createdAt` the validator was called with (ajv's passContext hands it over as `this`). */
interface CallContext {
  createdAt?: string;
}

function createdAtOf(context: CallContext | undefined): number {
  const at = typeof context?.createdAt === 'string' ? Date.parse(context.createdAt) : NaN;
  return Number.isNaN(at) ? Date.now() : at;
}

/**
 * Scopes that are declared but may not be ticked here: outside the use case, deprecated before the request
 * was created, or disabled. Values without a rule cost one Map lookup, so the valid path stays cheap;
 * unknown values are left to the `enum` the engine puts on the items.
 */
const definition: FuncKeywordDefinition = {
  keyword: SCOPES_KEYWORD,
  type: 'array',
  schemaType: 'object',
  errors: true,
  compile(rules: Record<string, ScopeRule>) {
    const byValue = new Map(Object.entries(rules).map(([value, rule]) => [value, { ...rule, since: rule.deprecated ? Date.parse(rule.deprecated.since) : NaN }]));
    return keywordFunction(function (this: unknown, data: unknown[], instancePath: string) {
      let errors: Partial<ErrorObject>[] | null = null;
      let createdAt: number | undefined;
      for (let i = 0; i < data.length; i++) {
        const value = data[i];
        const rule = typeof value === 'string' ? byValue.get(value) : undefined;
        if (rule === undefined) continue;
        let code: string;
        let message: string;
        // The first reason in the order the applicant meets them: not offered, then hidden, then greyed out.
        if (rule.notInUseCase) [code, message] = ['SCOPE_NOT_IN_USE_CASE', rule.notInUseCase];
        else if (rule.deprecated && rule.since < (createdAt ??= createdAtOf(this as CallContext | undefined))) [code, message] = ['SCOPE_DEPRECATED', rule.deprecated.message];
        else if (rule.disabled) [code, message] = ['SCOPE_DISABLED', rule.disabled];
        else continue;
        (errors ??= []).push({ keyword: SCOPES_KEYWORD, instancePath: `${instancePath}/${i}`, params: { code, scope: value }, message });
      }
      return errors;
    });
  },
};

export const scopesKeyword: EngineKeyword = {
  definition,
  audience: 'engine',
  keptOnSave: true,
  description: 'Injected on the `scopes` array from definition.yaml and the use case: refuses scopes outside the use case, deprecated ones and disabled ones.',
};
