import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ValidationContext } from '../../../engine/model/Definition.js';
import { testValidator, validData } from './fixture.js';

const contexts: ValidationContext[] = ['save', 'submit', { step: 'basic_infos' }, { step: 'scopes' }, { step: 'contacts' }];
const useCases = [undefined, 'cantine', 'inconnu'];

/** Arbitrary JSON, and the valid submission with any part replaced by arbitrary JSON. */
const data = fc.oneof(
  fc.jsonValue(),
  fc.tuple(fc.constantFrom('basic_infos', 'legal', 'scopes', 'personal_data', 'contacts', 'terms'), fc.jsonValue()).map(([step, value]) => ({ ...validData(), [step]: value })),
  fc.tuple(fc.constantFrom('responsable_traitement', 'delegue_protection_donnees', 'contact_technique'), fc.dictionary(fc.constantFrom('type', 'email', 'phone_number', 'family_name', '__proto__', 'x'), fc.jsonValue())).map(([kind, contact]) => {
    const d: any = validData();
    d.contacts[kind] = contact;
    return d;
  }),
);

describe('validate and normalize never throw', () => {
  const v = testValidator();

  it('on arbitrary JSON data, in every context and use case', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(...contexts), fc.constantFrom(...useCases), (value, context, useCaseId) => {
        const result = v.validate(value, { context, ...(useCaseId ? { useCaseId } : {}) });
        assert.equal(typeof result.valid, 'boolean');
        assert.equal(result.valid, result.issues.length === 0);
        for (const issue of result.issues) {
          assert.equal(typeof issue.message, 'string');
          assert.ok(issue.pointer === '' || issue.pointer.startsWith('/'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('normalize returns an object, never mutates, and is idempotent', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(...useCases), (value, useCaseId) => {
        const before = JSON.stringify(value);
        const options = useCaseId ? { useCaseId } : {};
        const once = v.normalize(value as Record<string, unknown>, options);
        assert.equal(JSON.stringify(value), before);
        assert.ok(once && typeof once === 'object' && !Array.isArray(once));
        assert.deepEqual(v.normalize(once, options), once);
      }),
      { numRuns: 300 },
    );
  });
});
