import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WorkflowEventInput } from '../../../engine/model/Request.js';
import { transition } from '../../../engine/workflow/index.js';
import { ACTORS, NOW, deepFreeze, exemple, fixtures, validData } from './fixtures.js';

describe('transition never throws and never mutates', () => {
  const definition = exemple();
  const situations = Object.values(fixtures());
  const events = [...Object.keys(definition.workflow.events), 'nope', 'constructor', ''];
  const text = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 6 }), fc.constant('   '), fc.integer() as fc.Arbitrary<unknown>);
  const input = fc.record(
    {
      type: fc.constantFrom(...events),
      reason: text,
      message: text,
      data: fc.oneof(fc.constant(validData()), fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue(), { maxKeys: 3 }), fc.jsonValue()),
      useCaseId: fc.oneof(fc.constant('libre'), fc.constant('tarification-cantine'), text),
      to: fc.oneof(fc.constant(undefined), fc.record({ userId: text, organizationId: text }, { requiredKeys: [] }), fc.jsonValue()),
    },
    { requiredKeys: ['type'] },
  );

  it('on any input, request situation and actor: a result or issues', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(null, ...situations), fc.constantFrom(...Object.values(ACTORS)), (raw, request, actor) => {
        const event = deepFreeze(structuredClone(raw)) as unknown as WorkflowEventInput;
        const result = transition(definition, request, event, actor, NOW);
        if ('issues' in result) assert.ok(result.issues.length > 0);
        else assert.equal(typeof result.next.state, 'string');
      }),
      { numRuns: 1500 },
    );
  });
});
