import assert from 'node:assert/strict';
import { ACTORS, exemple, fire, request } from './fixtures.js';

describe('a refusal quotes what it refuses, cut', () => {
  const huge = 'x'.repeat(1 << 20);

  it('an unknown use case of 1 MiB is named by its first 100 characters', () => {
    const result = fire(exemple(), null, { type: 'create', useCaseId: huge }, ACTORS.applicant);
    assert.ok('issues' in result);
    assert.equal(result.issues[0]!.code, 'UNKNOWN_USE_CASE');
    assert.ok(result.issues[0]!.message.startsWith(`Le cas d’usage « ${'x'.repeat(100)}… » n’existe pas`), result.issues[0]!.message.slice(0, 200));
    assert.ok(result.issues[0]!.message.length < 500);
  });

  it('an unknown event of 1 MiB too', () => {
    const result = fire(exemple(), request('submitted'), { type: huge }, ACTORS.instructor);
    assert.ok('issues' in result);
    assert.equal(result.issues[0]!.code, 'EVENT_UNKNOWN');
    assert.ok(result.issues[0]!.message.length < 1_000, `${result.issues[0]!.message.length} characters`);
  });
});
