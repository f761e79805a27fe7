import assert from 'node:assert/strict';
import { engineAjv } from '../../../engine/validate/index.js';
import { testValidator, validData } from './fixture.js';

/** Count the compilations on the shared ajv while `fn` runs. */
function countCompilations(fn: () => void): number {
  const ajv = engineAjv();
  const original = ajv.compile;
  let count = 0;
  ajv.compile = function (this: typeof ajv, ...args: Parameters<typeof original>) {
    count++;
    return original.apply(this, args);
  } as typeof original;
  try {
    fn();
  } finally {
    ajv.compile = original;
  }
  return count;
}

describe('compiled once per use case and context', () => {
  it('reuses the same compiled function for every validation of a (use case × context)', () => {
    const v = testValidator();
    const first = v.compiled({ context: 'submit', useCaseId: 'cantine' });
    const bad = { ...validData(), basic_infos: {} };
    const compilations = countCompilations(() => {
      for (let i = 0; i < 50; i++) {
        v.validate(validData(), { context: 'submit', useCaseId: 'cantine', createdAt: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` });
        v.validate(bad, { context: 'submit', useCaseId: 'cantine' });
      }
    });
    assert.equal(compilations, 0);
    assert.equal(v.compiled({ context: 'submit', useCaseId: 'cantine' }), first);
  });

  it('compiles each context and use case separately, once, on first use', () => {
    const v = testValidator();
    const compilations = countCompilations(() => {
      for (let i = 0; i < 3; i++) {
        v.validate(validData(), { context: 'submit' });
        v.validate(validData(), { context: 'save' });
        v.validate(validData(), { context: { step: 'legal' } });
        v.validate(validData(), { context: { step: 'contacts' } });
        v.validate(validData(), { context: 'submit', useCaseId: 'cantine' });
      }
    });
    assert.equal(compilations, 5);
    const functions = new Set([
      v.compiled({ context: 'submit' }),
      v.compiled({ context: 'save' }),
      v.compiled({ context: { step: 'legal' } }),
      v.compiled({ context: { step: 'contacts' } }),
      v.compiled({ context: 'submit', useCaseId: 'cantine' }),
    ]);
    assert.equal(functions.size, 5);
  });

  it('precompile compiles the submit validator that validate then uses', () => {
    const v = testValidator();
    assert.equal(countCompilations(() => assert.equal(v.precompile(), undefined)), 1);
    assert.equal(countCompilations(() => v.validate(validData(), { context: 'submit' })), 0);
  });

  it('validates a valid submission with one call to the compiled function', () => {
    const v = testValidator();
    const options = { context: 'submit' } as const;
    const fn = v.compiled(options);
    const data = validData();
    assert.equal(fn.call(options, data), true);
    assert.deepEqual(v.validate(data, options), { valid: true, issues: [] });
  });
});
