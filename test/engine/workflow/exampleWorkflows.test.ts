import assert from 'node:assert/strict';
import type { Actor } from '../../../engine/model/Request.js';
import { ACTORS, NOW, accepted, fire, inputFor, refusedWith, request, variant } from './fixtures.js';

describe('example workflows at work', () => {
  describe('two_level_approval', () => {
    const definition = variant({ workflow: 'two_level_approval' });
    const secondManager: Actor = { kind: 'user', id: 'u-manager-2', roles: ['exemple:*:manager'] };

    it('an instructor can no longer approve directly, only pre-approve', () => {
      assert.deepEqual(refusedWith(fire(definition, request('submitted'), inputFor('approve'), ACTORS.instructor)), ['EVENT_NOT_ALLOWED_IN_STATE /type']);
      const { next } = accepted(fire(definition, request('submitted'), { type: 'pre_approve' }, ACTORS.instructor));
      assert.equal(next.state, 'pre_approved');
      assert.deepEqual(next.history?.map((h) => [h.event, h.actorId]), [['pre_approve', 'u-instructor']]);
    });

    it('a manager gives the final approval, but not the one who pre-approved', () => {
      const pre = accepted(fire(definition, request('submitted'), { type: 'pre_approve' }, ACTORS.manager)).next;
      assert.deepEqual(refusedWith(fire(definition, pre, { type: 'approve' }, ACTORS.instructor)), ['EVENT_FORBIDDEN ']);
      const same = fire(definition, pre, { type: 'approve' }, ACTORS.manager);
      assert.deepEqual(refusedWith(same), ['EVENT_GUARD_FAILED ']);
      assert.match((same as { issues: { message: string }[] }).issues[0]!.message, /« Pré-valider »/);
      const { next, effects } = accepted(fire(definition, pre, { type: 'approve' }, secondManager));
      assert.equal(next.state, 'validated');
      assert.ok(effects.some((e) => e.type === 'freeze_authorization'));
    });

    it('the instructors are told to look at a pre-approved request: the managers are notified', () => {
      const { effects } = accepted(fire(definition, request('submitted'), { type: 'pre_approve' }, ACTORS.instructor));
      assert.deepEqual(effects.find((e) => e.type === 'notify'), { type: 'notify', event: 'pre_approve', roles: ['manager'], template: 'pre_approve' });
    });
  });

  describe('with_opinion', () => {
    const definition = variant({ workflow: 'with_opinion' });
    const opinionGiver: Actor = { kind: 'user', id: 'u-avis', roles: ['exemple:api-exemple:opinion_giver'] };

    it('the instructor asks an opinion (a question is required), the opinion giver answers, back to instruction', () => {
      assert.deepEqual(refusedWith(fire(definition, request('submitted'), { type: 'ask_opinion' }, ACTORS.instructor)), ['EVENT_REASON_REQUIRED /reason']);
      const asked = accepted(fire(definition, request('submitted'), { type: 'ask_opinion', reason: 'Le cadre juridique suffit-il ?' }, ACTORS.instructor)).next;
      assert.equal(asked.state, 'opinion_requested');
      assert.deepEqual(refusedWith(fire(definition, asked, { type: 'give_opinion', reason: 'Oui.' }, ACTORS.instructor)), ['EVENT_FORBIDDEN ']);
      assert.deepEqual(refusedWith(fire(definition, asked, { type: 'approve' }, ACTORS.instructor)), ['EVENT_NOT_ALLOWED_IN_STATE /type']);
      const { next, effects } = accepted(fire(definition, asked, { type: 'give_opinion', reason: 'Oui.' }, opinionGiver));
      assert.equal(next.state, 'submitted');
      assert.deepEqual(effects[0], { type: 'record_event', event: 'give_opinion', from: 'opinion_requested', to: 'submitted', actorId: 'u-avis', actorKind: 'user', at: NOW.toISOString(), reason: 'Oui.' });
    });

    it('an opinion giver fires nothing else', () => {
      assert.deepEqual(refusedWith(fire(definition, request('submitted'), inputFor('approve'), opinionGiver)), ['EVENT_FORBIDDEN ']);
    });
  });
});
