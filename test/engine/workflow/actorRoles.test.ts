import assert from 'node:assert/strict';
import { actorRoles } from '../../../engine/workflow/index.js';
import { ACTORS, exemple, request } from './fixtures.js';

describe('actorRoles', () => {
  const definition = exemple();
  const roles = (name: keyof typeof ACTORS, req = request('submitted')) => [...actorRoles(definition, req, ACTORS[name])].sort();

  it('reads role strings of the definition and of its provider, with the roles they include', () => {
    assert.deepEqual(roles('reporter'), ['reporter']);
    assert.deepEqual(roles('instructor'), ['instructor', 'reporter']);
    assert.deepEqual(roles('manager'), ['instructor', 'manager', 'reporter']);
    assert.deepEqual(roles('developer'), ['developer', 'reporter']);
    assert.deepEqual(roles('provider_wildcard'), ['instructor', 'reporter']);
    assert.deepEqual(roles('admin'), ['admin', 'instructor', 'manager', 'reporter']);
  });

  it('ignores roles of another provider or definition, and malformed strings', () => {
    assert.deepEqual(roles('instructor_other_provider'), []);
    assert.deepEqual(roles('instructor_other_definition'), []);
    assert.deepEqual([...actorRoles(definition, null, { kind: 'user', id: 'x', roles: ['exemple', 'exemple:api-exemple', 'exemple:api-exemple:instructor:extra', ''] })], []);
  });

  it('makes an applicant of a user acting for the organisation of the request', () => {
    assert.deepEqual(roles('applicant'), ['applicant']);
    assert.deepEqual(roles('applicant_other_org'), []);
    assert.deepEqual([...actorRoles(definition, null, ACTORS.applicant_other_org)], ['applicant']);
  });

  it('gives a system actor the system role only', () => {
    assert.deepEqual(roles('system'), ['system']);
  });
});
