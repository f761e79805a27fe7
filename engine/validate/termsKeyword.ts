import type { ErrorObject, FuncKeywordDefinition } from 'ajv';
import type { EngineKeyword } from './EngineKeyword.js';
import { isPlainObject } from './jsonValue.js';
import { keywordFunction } from './keywordFunction.js';

export const TERMS_KEYWORD = 'datapass:terms';

/** A box the applicant must tick at submit, kept under `terms.<id>`. */
export interface Term {
  id: string;
  /** The statement the box shows (also the field's title in messages). */
  label: string;
  /** Why the submit is refused when it is not ticked, in French. */
  message: string;
}

/**
 * One issue per box not ticked, each at `/terms/<id>`: a missing `terms` object must not collapse into a
 * single "required" error, since the form shows one checkbox per term.
 */
const definition: FuncKeywordDefinition = {
  keyword: TERMS_KEYWORD,
  type: 'object',
  schemaType: 'array',
  errors: true,
  compile(terms: Term[]) {
    return keywordFunction(function (data: Record<string, unknown>, instancePath: string) {
      const accepted = data.terms;
      let errors: Partial<ErrorObject>[] | null = null;
      for (const term of terms) {
        if (isPlainObject(accepted) && accepted[term.id] === true) continue;
        (errors ??= []).push({ keyword: TERMS_KEYWORD, instancePath: `${instancePath}/terms/${term.id}`, params: { code: 'TERMS_NOT_ACCEPTED', term: term.id }, message: term.message });
      }
      return errors;
    });
  },
};

export const termsKeyword: EngineKeyword = {
  definition,
  audience: 'engine',
  keptOnSave: true,
  description: 'Injected at the root for a submit: the CGU, the DPO statement and each attestation must be true under `terms`.',
};
