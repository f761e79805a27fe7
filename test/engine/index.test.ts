import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDefinition, transition, type Actor, type RequestSnapshot, type TransitionResult } from '../../engine/index.js';
import { DEFINITIONS } from '../helpers/paths.js';

// The barrel is what the server will use: one request's life through it, from the worked example.
describe('engine/index.ts', () => {
  const { definition } = loadDefinition(join(DEFINITIONS, 'api-exemple'));
  const applicant: Actor = { kind: 'user', id: 'u1', roles: [], organizationId: 'org1' };
  const instructor: Actor = { kind: 'user', id: 'u2', roles: ['exemple:api-exemple:instructor'] };
  const valid = definition!.examples.find((e) => e.name === 'valid-libre')!;
  const next = (r: TransitionResult): RequestSnapshot => {
    assert.ok('next' in r, 'issues' in r ? JSON.stringify(r.issues) : '');
    return r.next;
  };

  it('takes a request from creation to approval, with the effects the server carries out', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    let request = next(transition(definition!, null, { type: 'create', useCaseId: 'libre', data: {} }, applicant, now));
    request = { ...request, id: 'D1', organizationId: 'org1', applicantId: 'u1' };
    assert.equal(request.state, 'draft');
    const incomplete = transition(definition!, request, { type: 'submit', data: { basic_infos: { intitule: 'Projet' } } }, applicant, now);
    assert.ok('issues' in incomplete && incomplete.issues.some((i) => i.code === 'FIELD_REQUIRED'));
    request = next(transition(definition!, request, { type: 'submit', data: valid.data }, applicant, now));
    assert.equal(request.state, 'submitted');
    assert.deepEqual((request.data.scopes as string[]).includes('identifiant_technique'), true, 'the included scope is added');
    const refused = transition(definition!, request, { type: 'approve' }, applicant, now);
    assert.ok('issues' in refused && refused.issues[0]!.code === 'EVENT_FORBIDDEN');
    const approved = transition(definition!, request, { type: 'approve', message: 'Bienvenue' }, instructor, now);
    assert.ok('next' in approved);
    assert.equal(approved.next.state, 'validated');
    assert.ok(approved.effects.some((e) => e.type === 'freeze_authorization'));
  });
});
