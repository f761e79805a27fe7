import type { ErrorObject, FuncKeywordDefinition } from 'ajv';
import { pointerSegments } from '../source/SourceFile.js';
import type { EngineKeyword } from './EngineKeyword.js';
import { deepEqual, lookup } from './jsonValue.js';
import { keywordFunction } from './keywordFunction.js';

export const LOCKED_KEYWORD = 'datapass:locked';

/** A field the use case fixes: its JSON pointer, the prefilled value, and the French message. */
export interface LockedField {
  pointer: string;
  /** The prefilled value; absent when the use case locks a field it leaves empty. */
  value?: unknown;
  /** When true an absent value is a change too (submit, and steps at or after the field's step). */
  strict: boolean;
  message: string;
}

const definition: FuncKeywordDefinition = {
  keyword: LOCKED_KEYWORD,
  type: 'object',
  schemaType: 'array',
  errors: true,
  compile(fields: LockedField[]) {
    const prepared = fields.map((f) => ({ ...f, segments: pointerSegments(f.pointer) }));
    return keywordFunction(function (data: unknown, instancePath: string) {
      let errors: Partial<ErrorObject>[] | null = null;
      for (const field of prepared) {
        const { found, value } = lookup(data, field.segments);
        const changed = found ? !deepEqual(value, field.value) : field.strict && field.value !== undefined;
        if (changed) {
          (errors ??= []).push({ keyword: LOCKED_KEYWORD, instancePath: `${instancePath}${field.pointer}`, params: { code: 'FIELD_LOCKED' }, message: field.message });
        }
      }
      return errors;
    });
  },
};

export const lockedKeyword: EngineKeyword = {
  definition,
  audience: 'engine',
  keptOnSave: true,
  description: 'Injected at the root from the use case: a locked field must keep its prefilled value.',
};
