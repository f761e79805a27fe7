import assert from 'node:assert/strict';
import type { RequestSnapshot } from '../../../engine/model/Request.js';
import { allowedEvents, transition } from '../../../engine/workflow/index.js';
import {
  ACTORS,
  NOW,
  accepted,
  authorization,
  deepFreeze,
  exemple,
  fire,
  fixtures,
  inputFor,
  refusedWith,
  reopenedData,
  request,
  validData,
  variant,
} from './fixtures.js';

const types = (effects: { type: string }[]) => effects.map((e) => e.type);

describe('transition: what each event does', () => {
  const definition = exemple();
  const { applicant, instructor, manager, system, admin } = ACTORS;

  describe('create', () => {
    it('starts a draft of the actor and its organisation, with the use case prefill under the data given', () => {
      const { next, effects } = accepted(fire(definition, null, deepFreeze({ type: 'create', useCaseId: 'tarification-cantine', data: { basic_infos: { intitule: 'Cantine' } } }), applicant));
      assert.equal(next.id, '', 'the server assigns the id');
      assert.equal(next.state, 'draft');
      assert.equal(next.useCaseId, 'tarification-cantine');
      assert.equal(next.applicantId, 'u-applicant');
      assert.equal(next.createdAt, NOW.toISOString());
      assert.deepEqual((next.data.basic_infos as Record<string, unknown>).intitule, 'Cantine');
      assert.match(String((next.data.legal as Record<string, unknown>).cadre_juridique_nature), /L\. 114-8/);
      assert.deepEqual(types(effects), ['record_event', 'deliver_webhook']);
      assert.deepEqual(effects[0], { type: 'record_event', event: 'create', from: null, to: 'draft', actorId: 'u-applicant', actorKind: 'user', at: NOW.toISOString() });
    });

    it('refuses an unknown use case, and a request that already exists', () => {
      assert.deepEqual(refusedWith(fire(definition, null, { type: 'create', useCaseId: 'cantine' }, applicant)), ['UNKNOWN_USE_CASE /useCaseId']);
      assert.deepEqual(refusedWith(fire(definition, request('draft'), inputFor('create'), applicant)), ['EVENT_NOT_ALLOWED_IN_STATE /type']);
    });

    it('needs an organisation for a system actor', () => {
      assert.deepEqual(refusedWith(fire(definition, null, inputFor('create'), { kind: 'system', id: 'cron', roles: [] })), ['EVENT_INPUT_INVALID ']);
    });
  });

  describe('update and submit', () => {
    it('update stores the normalized data without full validation', () => {
      const partial = { basic_infos: { intitule: 'Brouillon' } };
      const { next, effects } = accepted(fire(definition, request('draft'), deepFreeze({ type: 'update', data: partial }), applicant));
      assert.deepEqual(next.data, definition.validator.normalize(structuredClone(partial), { useCaseId: 'libre' }));
      assert.deepEqual(types(effects), ['record_event', 'deliver_webhook']);
    });

    it('update refuses data that is not an object', () => {
      assert.deepEqual(refusedWith(fire(definition, request('draft'), { type: 'update', data: [] as unknown as Record<string, unknown> }, applicant)), ['EVENT_INPUT_INVALID /data']);
    });

    it('submit validates everything and returns the validator issues when invalid', () => {
      const incomplete = validData();
      delete incomplete.contacts;
      const result = fire(definition, request('draft'), deepFreeze({ type: 'submit', data: incomplete }), applicant);
      assert.ok('issues' in result);
      const expected = definition.validator.validate(definition.validator.normalize(structuredClone(incomplete), { useCaseId: 'libre' }), { context: 'submit', useCaseId: 'libre', createdAt: '2025-01-01T00:00:00.000Z' });
      assert.equal(expected.valid, false);
      assert.deepEqual(result.issues, expected.issues);
    });

    it('submit stores the diff against the previous submission, and notifies the instructors', () => {
      const first = accepted(fire(definition, request('draft'), inputFor('submit'), applicant));
      assert.equal(first.next.lastSubmittedAt, NOW.toISOString());
      assert.deepEqual(first.effects.find((e) => e.type === 'store_submission_diff'), { type: 'store_submission_diff', first: true, changes: [] });
      assert.deepEqual(first.effects.find((e) => e.type === 'notify'), { type: 'notify', event: 'submit', roles: ['instructor'], template: 'submit' });

      const back = { ...structuredClone(first.next), state: 'changes_requested' };
      const again = accepted(fire(definition, back, deepFreeze({ type: 'submit', data: reopenedData() }), applicant));
      assert.deepEqual(again.effects.find((e) => e.type === 'store_submission_diff'), {
        type: 'store_submission_diff',
        first: false,
        changes: [{ pointer: '/basic_infos/intitule', before: 'Tarifs du centre de loisirs', after: 'Tarifs du centre de loisirs, été 2025' }],
      });
    });

    it('submit without data submits the data already saved', () => {
      const { next } = accepted(fire(definition, request('draft'), { type: 'submit' }, applicant));
      assert.deepEqual(next.data, request('draft').data);
    });
  });

  describe('instruction', () => {
    it('request_changes, refuse and revoke need a reason; blank does not count', () => {
      for (const [type, from] of [['request_changes', 'submitted'], ['refuse', 'submitted'], ['revoke', 'validated']] as const) {
        const req = from === 'validated' ? fixtures().validated : request(from);
        for (const input of [{ type }, { type, reason: '   ' }]) {
          assert.deepEqual(refusedWith(fire(definition, req, input, instructor)), ['EVENT_REASON_REQUIRED /reason'], type);
        }
      }
      assert.deepEqual(refusedWith(fire(definition, fixtures().validated, { type: 'revoke' }, system)), ['EVENT_REASON_REQUIRED /reason']);
    });

    it('the reason is recorded with the event; `message` is accepted for it', () => {
      const { effects } = accepted(fire(definition, request('submitted'), { type: 'request_changes', message: '  Précisez le cadre juridique.  ' }, instructor));
      assert.deepEqual(effects[0], { type: 'record_event', event: 'request_changes', from: 'submitted', to: 'changes_requested', actorId: 'u-instructor', actorKind: 'user', at: NOW.toISOString(), reason: 'Précisez le cadre juridique.' });
    });

    it('approve freezes an authorization, renders the convention and tells the applicant; the message is optional', () => {
      const { next, effects } = accepted(fire(definition, request('submitted'), { type: 'approve' }, manager));
      assert.equal(next.state, 'validated');
      assert.equal(next.lastValidatedAt, NOW.toISOString());
      assert.deepEqual(next.authorizations, [{ id: 'D1/1', state: 'active', data: request('submitted').data, createdAt: NOW.toISOString() }]);
      assert.deepEqual(types(effects), ['record_event', 'freeze_authorization', 'render_convention', 'notify', 'deliver_webhook']);
      assert.deepEqual(effects[2], { type: 'render_convention', authorizationId: 'D1/1' });
    });

    it('approving a reopening makes the former authorization obsolete and ends the reopening', () => {
      const { next, effects } = accepted(fire(definition, fixtures().submitted_reopening, inputFor('approve'), admin));
      assert.equal(next.reopening, false);
      assert.deepEqual(next.authorizations.map((a) => [a.id, a.state]), [['D1/1', 'obsolete'], ['D1/2', 'active']]);
      assert.deepEqual(next.authorizations[1]!.data, reopenedData());
      assert.deepEqual(types(effects), ['record_event', 'mark_authorization_obsolete', 'freeze_authorization', 'render_convention', 'notify', 'deliver_webhook']);
    });

    it('refusing a reopening goes back to validated with the data of the authorization', () => {
      const { next, effects } = accepted(fire(definition, fixtures().changes_requested_reopening, inputFor('refuse'), instructor));
      assert.equal(next.state, 'validated');
      assert.equal(next.reopening, false);
      assert.deepEqual(next.data, validData());
      assert.deepEqual(next.authorizations, fixtures().changes_requested_reopening.authorizations);
      assert.deepEqual(types(effects), ['record_event', 'notify', 'deliver_webhook', 'restore_authorization_data']);
    });

    it('refusing a first request leaves its data', () => {
      const { next } = accepted(fire(definition, request('submitted'), inputFor('refuse'), instructor));
      assert.equal(next.state, 'refused');
      assert.deepEqual(next.data, request('submitted').data);
    });

    it('revoke revokes the active authorization', () => {
      const { next, effects } = accepted(fire(definition, fixtures().validated, inputFor('revoke'), system));
      assert.deepEqual(next.authorizations.map((a) => a.state), ['revoked']);
      assert.deepEqual(effects[0], { type: 'revoke_authorization', authorizationId: 'D1/1' });
    });
  });

  describe('reopening', () => {
    it('reopen starts a reopening in draft, the authorization staying active', () => {
      const { next } = accepted(fire(definition, fixtures().validated, { type: 'reopen' }, applicant));
      assert.equal(next.state, 'draft');
      assert.equal(next.reopening, true);
      assert.deepEqual(next.authorizations.map((a) => a.state), ['active']);
    });

    it('is switched off by features.reopening: false', () => {
      const off = variant({ meta: { features: { messaging: true, reopening: false, transfer: true } } });
      const result = fire(off, fixtures().validated, { type: 'reopen' }, applicant);
      assert.deepEqual(refusedWith(result), ['EVENT_GUARD_FAILED ']);
      assert.match((result as { issues: { message: string }[] }).issues[0]!.message, /n’est pas ouvert/);
    });

    it('cancel_reopening restores the data; the instructor must say why, the applicant need not', () => {
      const req = fixtures().submitted_reopening;
      assert.deepEqual(refusedWith(fire(definition, req, { type: 'cancel_reopening' }, instructor)), ['EVENT_REASON_REQUIRED /reason']);
      const { next, effects } = accepted(fire(definition, req, { type: 'cancel_reopening' }, applicant));
      assert.equal(next.state, 'validated');
      assert.equal(next.reopening, false);
      assert.deepEqual(next.data, validData());
      assert.deepEqual(types(effects), ['restore_authorization_data', 'record_event', 'notify', 'deliver_webhook']);
      accepted(fire(definition, req, inputFor('cancel_reopening'), instructor));
    });

    it('cancel_reopening of a request that is not a reopening is refused by its guard, in French', () => {
      const result = fire(definition, request('draft'), { type: 'cancel_reopening' }, applicant);
      assert.deepEqual(refusedWith(result), ['EVENT_GUARD_FAILED ']);
      assert.match((result as { issues: { message: string }[] }).issues[0]!.message, /mise à jour d’une habilitation validée/);
    });
  });

  describe('archive', () => {
    it('is refused while an authorization is active', () => {
      const result = fire(definition, fixtures().draft_reopening, { type: 'archive' }, applicant);
      assert.deepEqual(refusedWith(result), ['EVENT_GUARD_FAILED ']);
      assert.match((result as { issues: { message: string }[] }).issues[0]!.message, /habilitation active/);
    });

    it('is allowed once the authorization is revoked', () => {
      assert.equal(accepted(fire(definition, fixtures().revoked, { type: 'archive' }, instructor)).next.state, 'archived');
    });
  });

  describe('transfer', () => {
    it('needs a target', () => {
      for (const to of [undefined, {}, { userId: '' }, { organizationId: 3 }]) {
        const result = fire(definition, request('draft'), { type: 'transfer', ...(to === undefined ? {} : { to: to as { userId: string } }) }, applicant);
        assert.equal(refusedWith(result)[0]?.split(' ')[0], 'EVENT_INPUT_INVALID', JSON.stringify(to));
        assert.match(refusedWith(result)[0]!, / \/to/);
      }
    });

    it('refuses a transfer to the current owner', () => {
      assert.deepEqual(refusedWith(fire(definition, request('draft'), { type: 'transfer', to: { userId: 'u-applicant' } }, applicant)), ['EVENT_INPUT_INVALID /to']);
    });

    it('moves the request to another organisation', () => {
      const { next, effects } = accepted(fire(definition, fixtures().validated, { type: 'transfer', to: { organizationId: 'org-9', userId: 'u-9' } }, instructor));
      assert.equal(next.state, 'validated');
      assert.equal(next.organizationId, 'org-9');
      assert.equal(next.applicantId, 'u-9');
      assert.deepEqual(effects[0], { type: 'transfer', from: { userId: 'u-applicant', organizationId: 'org-1' }, to: { userId: 'u-9', organizationId: 'org-9' } });
    });

    it('refuses an applicant who moves the request into another organisation: that is the instructors\' act', () => {
      for (const to of [{ organizationId: 'org-9' }, { organizationId: 'org-9', userId: 'u-9' }]) {
        const result = fire(definition, request('draft'), { type: 'transfer', to }, applicant);
        assert.deepEqual(refusedWith(result), ['EVENT_FORBIDDEN /to/organizationId'], JSON.stringify(to));
        assert.match((result as { issues: { message: string }[] }).issues[0]!.message, /autre organisation/);
      }
      accepted(fire(definition, request('draft'), { type: 'transfer', to: { userId: 'u-colleague', organizationId: 'org-1' } }, applicant));
    });

    it('is switched off by features.transfer: false', () => {
      const off = variant({ meta: { features: { messaging: true, reopening: true, transfer: false } } });
      assert.deepEqual(refusedWith(fire(off, request('draft'), inputFor('transfer'), applicant)), ['EVENT_GUARD_FAILED ']);
    });
  });

  describe('start_next_stage', () => {
    it('on a sandbox stage, asks the server to create the production request from this one, without its terms', () => {
      const sandbox = variant({ meta: { stage: { kind: 'sandbox', next: 'api-exemple-production' } } });
      const validated = fixtures().validated;
      assert.ok((validated.data as { terms?: unknown }).terms, 'the fixture has accepted terms');
      const { next, effects } = accepted(fire(sandbox, validated, { type: 'start_next_stage' }, applicant));
      assert.equal(next.state, 'validated');
      assert.deepEqual(effects[0], {
        type: 'create_next_stage_request',
        definitionId: 'api-exemple-production',
        fromRequestId: 'D1',
        organizationId: 'org-1',
        applicantId: 'u-applicant',
        data: Object.fromEntries(Object.entries(validated.data).filter(([key]) => key !== 'terms')),
      });
    });
  });

  describe('refusals', () => {
    it('an unknown event', () => {
      const result = fire(definition, request('draft'), { type: 'approuver' }, instructor);
      assert.deepEqual(refusedWith(result), ['EVENT_UNKNOWN /type']);
      assert.match((result as { issues: { message: string }[] }).issues[0]!.message, /^L’action « approuver » n’existe pas/);
    });

    it('wrong state and forbidden actor, with French messages naming the event and the state or roles', () => {
      const wrongState = fire(definition, request('draft'), { type: 'approve' }, instructor) as { issues: { message: string }[] };
      assert.equal(wrongState.issues[0]!.message, 'L’action « Valider » n’est pas possible pour une demande « Brouillon ».');
      const forbidden = fire(definition, request('submitted'), { type: 'approve' }, ACTORS.reporter) as { issues: { message: string }[] };
      assert.equal(forbidden.issues[0]!.message, 'Vous ne pouvez pas faire l’action « Valider » sur cette demande : elle est réservée aux rôles : instructeur.');
    });

    it('an event on no request, and an input of the wrong shape', () => {
      assert.deepEqual(refusedWith(fire(definition, null, { type: 'submit' }, applicant)), ['EVENT_INPUT_INVALID ']);
      assert.deepEqual(refusedWith(transition(definition, request('draft'), { type: 3 } as never, applicant, NOW)), ['EVENT_INPUT_INVALID /type']);
      assert.deepEqual(refusedWith(fire(definition, request('submitted'), { type: 'refuse', reason: 3 as never }, instructor)), ['EVENT_INPUT_INVALID /reason']);
    });

    it('a state the workflow does not know', () => {
      assert.deepEqual(refusedWith(fire(definition, request('constructor'), { type: 'update' }, applicant)), ['EVENT_NOT_ALLOWED_IN_STATE /type']);
      assert.deepEqual(refusedWith(fire(definition, request('draft'), { type: 'toString' }, applicant)), ['EVENT_UNKNOWN /type']);
    });
  });

  describe('allowedEvents', () => {
    it('lists the buttons of each actor', () => {
      const names = (req: RequestSnapshot | null, actor: (typeof ACTORS)[keyof typeof ACTORS]) => allowedEvents(definition, req, actor, NOW).map((e) => e.event);
      assert.deepEqual(names(request('draft'), applicant), ['update', 'submit', 'archive', 'transfer']);
      assert.deepEqual(names(fixtures().draft_reopening, applicant), ['update', 'submit', 'cancel_reopening', 'transfer']);
      assert.deepEqual(names(request('submitted'), instructor), ['request_changes', 'approve', 'refuse', 'transfer']);
      assert.deepEqual(names(fixtures().validated, applicant), ['reopen', 'transfer']);
      assert.deepEqual(names(request('submitted'), ACTORS.reporter), []);
      assert.deepEqual(names(null, applicant), ['create']);
      const refuse = allowedEvents(definition, fixtures().submitted_reopening, instructor, NOW).find((e) => e.event === 'refuse');
      assert.deepEqual(refuse, { event: 'refuse', label: 'Refuser', target: 'validated', reason: 'required', reasonMaxLength: 10_000 });
    });
  });

  it('never mutates its inputs (they are frozen) and keeps the authorizations of the request', () => {
    const req = deepFreeze(request('submitted', { authorizations: [authorization('obsolete')] }));
    const { next } = accepted(fire(definition, req, inputFor('approve'), instructor));
    assert.equal(next.authorizations[0]!.state, 'obsolete');
    assert.notEqual(next.data, req.data);
  });
});
