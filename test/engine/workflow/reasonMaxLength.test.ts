import assert from 'node:assert/strict';
import type { Definition } from '../../../engine/model/Definition.js';
import { allowedEvents, checkWorkflow } from '../../../engine/workflow/index.js';
import { ACTORS, NOW, exemple, fire, request } from './fixtures.js';
import { loadBase, yamlSource } from './workflowFiles.js';

const FILE = 'definitions/x/workflow.yaml';

const check = (text: string) => checkWorkflow({ file: yamlSource(FILE, text), loadBase });

/** The example definition running the standard workflow with `text` laid over it. */
function withWorkflow(text: string): Definition {
  const checked = check(text);
  assert.deepEqual(checked.issues, []);
  return { ...exemple(), workflow: checked.workflow! };
}

const refusal = (result: ReturnType<typeof fire>) => {
  assert.ok('issues' in result, 'the event is refused');
  return result.issues;
};

describe('the longest reason an event takes (reason_max_length)', () => {
  describe('declared in the workflow', () => {
    it('is 10,000 characters for every event of the standard workflow, unless a file says otherwise', () => {
      const standard = check('extends: standard\n').workflow!;
      for (const [name, event] of Object.entries(standard.events)) assert.equal(event.reasonMaxLength, 10_000, name);
    });

    it('is changed for one event by an extension, without restating whether the reason is required', () => {
      const workflow = check('extends: standard\nevents:\n  refuse:\n    reason_max_length: 2000\n').workflow!;
      assert.equal(workflow.events.refuse!.reasonMaxLength, 2000);
      assert.equal(workflow.events.refuse!.reason, 'required', 'the base’s requirement stays');
      assert.deepEqual(workflow.events.refuse!.fieldsAt.reason_max_length, { file: FILE, pointer: '/events/refuse/reason_max_length' });
      assert.equal(workflow.events.approve!.reasonMaxLength, 10_000);
    });

    it('is changed for one transition, which replaces the event’s', () => {
      const workflow = check('extends: standard\nstates:\n  submitted:\n    on:\n      approve: { target: validated, reason_max_length: 300 }\n').workflow!;
      assert.equal(workflow.states.submitted!.on.approve![0]!.reasonMaxLength, 300);
      assert.equal(workflow.states.changes_requested!.on.approve![0]!.reasonMaxLength, undefined);
    });

    it('refuses anything but a whole number from 1 to 100,000, with the place, the allowed range and the default', () => {
      const text = 'extends: standard\nevents:\n  refuse:\n    reason_max_length: 0\n  approve:\n    reason_max_length: beaucoup\nstates:\n  submitted:\n    on:\n      request_changes: { target: changes_requested, reason_max_length: 100001 }\n      revoke: { target: revoked, reason_max_length: 2.5 }\n';
      const result = check(text);
      assert.equal(result.workflow, undefined);
      assert.deepEqual(
        result.issues.map((i) => `${i.code} ${i.file}:${i.line}:${i.column} ${i.pointer}`),
        [
          `WORKFLOW_BAD_REASON_MAX_LENGTH ${FILE}:10:72 /states/submitted/on/request_changes/reason_max_length`,
          `WORKFLOW_BAD_REASON_MAX_LENGTH ${FILE}:11:53 /states/submitted/on/revoke/reason_max_length`,
          `WORKFLOW_BAD_REASON_MAX_LENGTH ${FILE}:4:24 /events/refuse/reason_max_length`,
          `WORKFLOW_BAD_REASON_MAX_LENGTH ${FILE}:6:24 /events/approve/reason_max_length`,
        ],
      );
      assert.match(result.issues[2]!.message, /^Bad reason_max_length 0 \(definitions\/x\/workflow\.yaml:4:24 \/events\/refuse\/reason_max_length\)\. Write a whole number of characters from 1 to 100,000, e\.g\. `reason_max_length: 5000`; without it, a reason takes at most 10,000 characters\.$/);
      assert.match(result.issues[3]!.message, /^Bad reason_max_length "beaucoup"/);
    });
  });

  describe('enforced by transition', () => {
    const refuse = (reason: string, definition = exemple()) => fire(definition, request('submitted'), { type: 'refuse', reason }, ACTORS.instructor);

    it('takes a reason of exactly the limit', () => {
      const result = refuse('x'.repeat(10_000));
      assert.ok(!('issues' in result), JSON.stringify('issues' in result && result.issues));
    });

    it('refuses one character more with EVENT_REASON_TOO_LONG at /reason, naming the field, the limit and the length typed', () => {
      assert.deepEqual(refusal(refuse('x'.repeat(10_001))), [
        { code: 'EVENT_REASON_TOO_LONG', pointer: '/reason', message: 'Le motif ne peut pas dépasser 10\u202f000 caractères (vous en avez saisi 10\u202f001).' },
      ]);
    });

    it('refuses a reason of 1 MiB the same way, at once', () => {
      const start = performance.now();
      const [issue] = refusal(refuse('é'.repeat(1 << 20)));
      assert.equal(issue!.code, 'EVENT_REASON_TOO_LONG');
      assert.match(issue!.message, /vous en avez saisi 1\u202f048\u202f576\)/);
      assert.ok(performance.now() - start < 500, 'no work proportional to more than the text');
    });

    it('counts the text that would be stored: surrounding blanks are not counted', () => {
      const result = refuse(`   ${'x'.repeat(10_000)}\n\n`);
      assert.ok(!('issues' in result));
    });

    it('names the message, at /message, when the text came as `message`', () => {
      const result = fire(exemple(), request('submitted'), { type: 'refuse', message: 'x'.repeat(10_001) }, ACTORS.instructor);
      assert.deepEqual(
        refusal(result).map((i) => [i.code, i.pointer, i.message]),
        [['EVENT_REASON_TOO_LONG', '/message', 'Le message ne peut pas dépasser 10\u202f000 caractères (vous en avez saisi 10\u202f001).']],
      );
    });

    it('applies the limit of the workflow: the event’s, or the transition’s when it has one', () => {
      const event = withWorkflow('extends: standard\nevents:\n  refuse:\n    reason_max_length: 20\n');
      assert.match(refusal(refuse('x'.repeat(21), event))[0]!.message, /ne peut pas dépasser 20 caractères \(vous en avez saisi 21\)/);
      assert.ok(!('issues' in refuse('x'.repeat(20), event)));
      const branch = withWorkflow('extends: standard\nstates:\n  submitted:\n    on:\n      refuse: { target: refused, reason_max_length: 5 }\n');
      assert.equal(refusal(refuse('x'.repeat(6), branch))[0]!.code, 'EVENT_REASON_TOO_LONG');
      const other = fire(branch, request('changes_requested'), { type: 'refuse', reason: 'x'.repeat(6) }, ACTORS.instructor);
      assert.ok(!('issues' in other), 'another state’s transition keeps the event’s limit');
    });

    it('ignores a text an event does not take (reason: none), whatever its length', () => {
      const result = fire(exemple(), request('validated', { authorizations: [] }), { type: 'start_next_stage', reason: 'x'.repeat(20_000) }, ACTORS.applicant);
      // start_next_stage is refused by its guard here, not by the reason's length.
      assert.ok(!('issues' in result) || result.issues.every((i) => i.code !== 'EVENT_REASON_TOO_LONG'));
      const update = fire(exemple(), request('draft'), { type: 'update', reason: 'x'.repeat(20_000) }, ACTORS.applicant);
      assert.ok(!('issues' in update), 'update takes no reason and ignores it');
    });

    it('tells the pages the limit of each event they show, for the textarea’s maxlength', () => {
      const events = allowedEvents(withWorkflow('extends: standard\nevents:\n  refuse:\n    reason_max_length: 2000\n'), request('submitted'), ACTORS.instructor, NOW);
      assert.equal(events.find((e) => e.event === 'refuse')!.reasonMaxLength, 2000);
      assert.equal(events.find((e) => e.event === 'approve')!.reasonMaxLength, 10_000);
    });
  });
});
