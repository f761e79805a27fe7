import assert from 'node:assert/strict';
import { ACTORS, HOLDERS, exemple, fire, fixtures, inputFor, refusedWith as refused, type ActorName } from './fixtures.js';

type Role = keyof typeof HOLDERS;

/**
 * The lifecycle table of the domain reference, over the situations of fixtures(): for each event, the
 * situations it leaves from, with the state reached (`same` for a targetless transition, `guard` when a
 * guard refuses it there), and who may fire it. Every other situation refuses it as not allowed in state.
 */
const LIFECYCLE: Record<string, { who: Role[]; from: Record<string, string> }> = {
  update: { who: ['applicant'], from: { draft: 'same', draft_reopening: 'same', changes_requested: 'same', changes_requested_reopening: 'same' } },
  submit: { who: ['applicant'], from: { draft: 'submitted', draft_reopening: 'submitted', changes_requested: 'submitted', changes_requested_reopening: 'submitted' } },
  request_changes: { who: ['instructor'], from: { submitted: 'changes_requested', submitted_reopening: 'changes_requested' } },
  approve: {
    who: ['instructor'],
    from: { submitted: 'validated', submitted_reopening: 'validated', changes_requested: 'validated', changes_requested_reopening: 'validated' },
  },
  refuse: {
    who: ['instructor'],
    from: { submitted: 'refused', changes_requested: 'refused', submitted_reopening: 'validated', changes_requested_reopening: 'validated' },
  },
  reopen: { who: ['applicant'], from: { validated: 'draft' } },
  cancel_reopening: {
    who: ['applicant', 'instructor'],
    from: {
      draft_reopening: 'validated',
      changes_requested_reopening: 'validated',
      submitted_reopening: 'validated',
      draft: 'guard',
      changes_requested: 'guard',
      submitted: 'guard',
    },
  },
  archive: { who: ['applicant', 'instructor', 'system'], from: { draft: 'archived', refused: 'archived', revoked: 'archived', draft_reopening: 'guard' } },
  revoke: { who: ['instructor', 'system'], from: { validated: 'revoked' } },
  transfer: {
    who: ['applicant', 'instructor'],
    from: Object.fromEntries(Object.keys(fixtures()).filter((s) => s !== 'archived').map((s) => [s, 'same'])),
  },
  // The example definition is not a sandbox stage: see transitionEffects.test.ts for one that is.
  start_next_stage: { who: ['applicant'], from: { validated: 'guard' } },
};

const allowedActors = (who: Role[]) => new Set<ActorName>(who.flatMap((r) => HOLDERS[r]));

describe('standard workflow: every event, from every situation, by every kind of actor', () => {
  const definition = exemple();
  const situations = fixtures();

  it('the table covers every event of the workflow', () => {
    assert.deepEqual(Object.keys(definition.workflow.events).sort(), [...Object.keys(LIFECYCLE), 'create'].sort());
  });

  describe('create', () => {
    for (const name of Object.keys(ACTORS) as ActorName[]) {
      const may = name === 'applicant' || name === 'applicant_other_org' || name === 'system';
      it(`${name} ${may ? 'creates a draft' : 'is forbidden'}`, () => {
        const actor = ACTORS[name];
        const result = fire(definition, null, inputFor('create'), actor);
        if (!may) return assert.deepEqual(refused(result), ['EVENT_FORBIDDEN ']);
        assert.ok(!('issues' in result), JSON.stringify(result));
        assert.equal(result.next.state, 'draft');
        assert.equal(result.next.organizationId, actor.organizationId);
      });
    }
  });

  for (const [event, { who, from }] of Object.entries(LIFECYCLE)) {
    describe(event, () => {
      const allowed = allowedActors(who);
      for (const [situation, request] of Object.entries(situations)) {
        const outcome = from[situation];
        const title = outcome === undefined ? 'not allowed' : outcome === 'guard' ? 'refused by a guard' : `→ ${outcome === 'same' ? request.state : outcome}`;
        it(`from ${situation}: ${title}`, () => {
          for (const name of Object.keys(ACTORS) as ActorName[]) {
            const result = fire(definition, request, inputFor(event), ACTORS[name]);
            const expected =
              outcome === undefined
                ? ['EVENT_NOT_ALLOWED_IN_STATE /type']
                : !allowed.has(name)
                  ? ['EVENT_FORBIDDEN ']
                  : outcome === 'guard'
                    ? ['EVENT_GUARD_FAILED ']
                    : ['accepted'];
            assert.deepEqual(refused(result), expected, `${event} from ${situation} by ${name}: ${JSON.stringify(result).slice(0, 400)}`);
            if (!('issues' in result)) {
              assert.equal(result.next.state, outcome === 'same' ? request.state : outcome, `${event} by ${name}`);
              assert.equal(result.effects.filter((e) => e.type === 'record_event').length, 1, 'every event is recorded once');
            }
          }
        });
      }
    });
  }

  it('a reporter or a developer can fire nothing, anywhere', () => {
    for (const name of ['reporter', 'developer', 'instructor_other_provider', 'instructor_other_definition', 'applicant_other_org'] as const) {
      for (const request of Object.values(situations)) {
        for (const event of Object.keys(LIFECYCLE)) {
          const result = fire(definition, request, inputFor(event), ACTORS[name]);
          assert.ok('issues' in result, `${name} fired ${event} from ${request.state}`);
        }
      }
    }
  });
});
