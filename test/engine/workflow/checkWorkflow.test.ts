import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { checkWorkflow } from '../../../engine/workflow/index.js';
import type { Issue } from '../../../engine/issues/Issue.js';
import { WORKFLOWS_DIR, loadBase, yamlSource } from './workflowFiles.js';

const FILE = 'definitions/x/workflow.yaml';

/** A small complete workflow, as inline bases for extension cases. */
const MINI = `initial: draft
states:
  draft:
    label: Brouillon
    on:
      submit: { target: submitted }
  submitted:
    label: Soumise
    on:
      approve: { target: done }
  done:
    label: Terminée
    final: true
events:
  create: { label: Créer, actors: [applicant] }
  submit: { label: Soumettre, actors: [applicant] }
  approve: { label: Valider, actors: [instructor] }
`;

function check(text: string, bases: Record<string, string> = { mini: MINI }, extraRoles: string[] = []) {
  return checkWorkflow({
    file: yamlSource(FILE, text),
    loadBase: (name) => (bases[name] === undefined ? undefined : yamlSource(`definitions/_workflows/${name}.yaml`, bases[name])),
    extraRoles,
  });
}

/** `CODE file:line:column pointer`: what a provider team reads first. */
function where(issues: Issue[]): string[] {
  return issues.map((i) => `${i.code} ${i.file}:${i.line}:${i.column} ${i.pointer}`);
}

describe('checkWorkflow', () => {
  describe('the workflows of definitions/_workflows', () => {
    it('standard.yaml checks clean', () => {
      const result = checkWorkflow({ file: loadBase('standard')!, loadBase });
      assert.deepEqual(result.issues, []);
      assert.deepEqual(Object.keys(result.workflow!.states), ['draft', 'changes_requested', 'submitted', 'validated', 'refused', 'revoked', 'archived']);
    });

    const extensions = readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith('.yaml') && f !== 'standard.yaml').map((f) => f.slice(0, -5));
    it('holds the two examples', () => assert.deepEqual(extensions.sort(), ['two_level_approval', 'with_opinion']));
    for (const name of extensions) {
      it(`${name}.yaml checks clean on top of standard`, () => {
        const result = checkWorkflow({ file: loadBase(name)!, loadBase });
        assert.deepEqual(result.issues, []);
        assert.deepEqual(result.workflow!.sources, ['definitions/_workflows/standard.yaml', `definitions/_workflows/${name}.yaml`]);
      });
    }

    it('a definition file of one line, `extends: standard`, gives the standard workflow', () => {
      const result = checkWorkflow({ file: yamlSource(FILE, 'extends: standard\n'), loadBase });
      assert.deepEqual(result.issues, []);
      const standard = checkWorkflow({ file: loadBase('standard')!, loadBase }).workflow!;
      assert.deepEqual(result.workflow!.states, standard.states);
      assert.deepEqual(result.workflow!.events, standard.events);
    });
  });

  describe('merging an extension', () => {
    it('adds states and events, replaces a transition, removes one with null, merges event fields', () => {
      const result = check(`extends: mini
states:
  submitted:
    on:
      approve: null
      pre_approve: { target: pre_approved }
  pre_approved:
    label: Pré-validée
    on:
      approve: { target: done, actors: [manager] }
events:
  pre_approve: { label: Pré-valider, actors: [instructor], reason: optional }
  approve: { label: Valider définitivement }
`);
      assert.deepEqual(result.issues, []);
      const w = result.workflow!;
      assert.deepEqual(Object.keys(w.states.submitted!.on), ['pre_approve']);
      assert.equal(w.states.pre_approved!.on.approve![0]!.target, 'done');
      assert.deepEqual(w.events.approve!.actors, ['instructor'], 'actors kept from the base');
      assert.equal(w.events.approve!.label, 'Valider définitivement');
      assert.deepEqual(w.events.approve!.fieldsAt.label, { file: FILE, pointer: '/events/approve/label' });
      assert.deepEqual(w.events.approve!.fieldsAt.actors, { file: 'definitions/_workflows/mini.yaml', pointer: '/events/approve/actors' });
    });

    it('removing an event removes its transitions everywhere', () => {
      const real = checkWorkflow({ file: yamlSource(FILE, 'extends: standard\nevents:\n  transfer: null\n'), loadBase });
      assert.deepEqual(real.issues, []);
      for (const state of Object.values(real.workflow!.states)) assert.equal(state.on.transfer, undefined);
    });

    it('the workflow-wide `on` reaches every non-final state, unless the state handles or forbids the event', () => {
      const result = check(`extends: mini
on:
  note: {}
states:
  submitted:
    on:
      note: []
events:
  note: { label: Noter, actors: [instructor] }
`);
      assert.deepEqual(result.issues, []);
      const w = result.workflow!;
      assert.equal(w.states.draft!.on.note![0]!.at.pointer, '/on/note');
      assert.deepEqual(w.states.submitted!.on.note, []);
      assert.equal(w.states.done!.on.note, undefined);
    });

    it('chains of extends are followed', () => {
      const result = check('extends: mid\n', { mini: MINI, mid: 'extends: mini\nevents:\n  approve: { reason: required }\n' });
      assert.deepEqual(result.issues, []);
      assert.equal(result.workflow!.events.approve!.reason, 'required');
      assert.equal(result.workflow!.sources.length, 3);
    });
  });

  describe('issues, each with its pointer and line', () => {
    it('WORKFLOW_UNKNOWN_TARGET, with the suggestion and the known states', () => {
      const { issues, workflow } = check(`extends: mini
states:
  submitted:
    on:
      approve: { target: dne }
`);
      assert.equal(workflow, undefined);
      assert.deepEqual(where(issues), [`WORKFLOW_UNKNOWN_TARGET ${FILE}:5:26 /states/submitted/on/approve/target`]);
      assert.equal(
        issues[0]!.message,
        `Unknown target state "dne" in transition "approve" (${FILE}:5:26 /states/submitted/on/approve/target). Did you mean "done"? Known states: draft, submitted, done.`,
      );
    });

    it('the example of the architecture: "valided" in the standard workflow', () => {
      const { issues } = checkWorkflow({ file: yamlSource(FILE, 'extends: standard\nstates:\n  submitted:\n    on:\n      approve: { target: valided }\n'), loadBase });
      assert.equal(issues.length, 1, 'the typo does not also make "validated" unreachable');
      assert.match(issues[0]!.message, /^Unknown target state "valided" in transition "approve" \(definitions\/x\/workflow.yaml:5:26 \/states\/submitted\/on\/approve\/target\)\. Did you mean "validated"\? Known states: draft, /);
    });

    const cases: { name: string; yaml: string; bases?: Record<string, string>; expected: string[] }[] = [
      {
        name: 'WORKFLOW_EXTENDS_UNKNOWN',
        yaml: 'extends: standrd\n',
        expected: [`WORKFLOW_EXTENDS_UNKNOWN ${FILE}:1:10 /extends`],
      },
      {
        name: 'WORKFLOW_EXTENDS_CYCLE',
        yaml: 'extends: a\n',
        bases: { a: 'extends: b\n', b: 'extends: a\n' },
        expected: ['WORKFLOW_EXTENDS_CYCLE definitions/_workflows/b.yaml:1:10 /extends'],
      },
      {
        name: 'WORKFLOW_UNKNOWN_STATE (initial)',
        yaml: 'extends: mini\ninitial: drat\n',
        expected: [`WORKFLOW_UNKNOWN_STATE ${FILE}:2:10 /initial`],
      },
      {
        name: 'WORKFLOW_UNKNOWN_EVENT (in a state)',
        yaml: 'extends: mini\nstates:\n  draft:\n    on:\n      sumbit: { target: submitted }\n',
        expected: [`WORKFLOW_UNKNOWN_EVENT ${FILE}:5:7 /states/draft/on/sumbit`],
      },
      {
        name: 'WORKFLOW_UNKNOWN_EVENT (argument of not_same_actor_as)',
        yaml: 'extends: mini\nevents:\n  approve:\n    guards: [{ not_same_actor_as: pre_approve }]\n',
        expected: [`WORKFLOW_UNKNOWN_EVENT ${FILE}:4:35 /events/approve/guards/0/not_same_actor_as`],
      },
      {
        name: 'WORKFLOW_UNKNOWN_ROLE (actors, reason, notify)',
        yaml: 'extends: mini\nevents:\n  approve:\n    actors: [instructer]\n    reason: { manger: required }\n    effects: [{ notify: [aplicant] }]\n',
        expected: [
          `WORKFLOW_UNKNOWN_ROLE ${FILE}:4:14 /events/approve/actors/0`,
          `WORKFLOW_UNKNOWN_ROLE ${FILE}:5:15 /events/approve/reason/manger`,
          `WORKFLOW_UNKNOWN_ROLE ${FILE}:6:26 /events/approve/effects/0/notify/0`,
        ],
      },
      {
        name: 'WORKFLOW_UNKNOWN_GUARD',
        yaml: 'extends: mini\nstates:\n  draft:\n    on:\n      submit: { target: submitted, guards: [is_reopned] }\n',
        expected: [`WORKFLOW_UNKNOWN_GUARD ${FILE}:5:45 /states/draft/on/submit/guards/0`],
      },
      {
        name: 'WORKFLOW_UNKNOWN_EFFECT',
        yaml: 'extends: mini\nevents:\n  approve:\n    effects:\n      - record_event\n      - { freeze: x }\n',
        expected: [`WORKFLOW_UNKNOWN_EFFECT ${FILE}:6:9 /events/approve/effects/1`],
      },
      {
        name: 'WORKFLOW_BAD_ARGUMENT (none expected, one missing, wrong one)',
        yaml: 'extends: mini\nevents:\n  approve:\n    guards: [{ is_reopening: true }, not_same_actor_as, { feature: reopen }]\n',
        expected: [
          `WORKFLOW_BAD_ARGUMENT ${FILE}:4:30 /events/approve/guards/0/is_reopening`,
          `WORKFLOW_BAD_ARGUMENT ${FILE}:4:38 /events/approve/guards/1`,
          `WORKFLOW_BAD_ARGUMENT ${FILE}:4:68 /events/approve/guards/2/feature`,
        ],
      },
      {
        name: 'WORKFLOW_UNREACHABLE_STATE and WORKFLOW_DEAD_END',
        yaml: 'extends: mini\nstates:\n  limbo:\n    label: Limbes\n',
        expected: [`WORKFLOW_UNREACHABLE_STATE ${FILE}:3:3 /states/limbo`, `WORKFLOW_DEAD_END ${FILE}:3:3 /states/limbo`],
      },
      {
        name: 'WORKFLOW_DEAD_END: a state with only a targetless transition',
        yaml: 'extends: mini\nstates:\n  submitted:\n    on:\n      approve: {}\n',
        expected: [`WORKFLOW_DEAD_END ${FILE}:3:3 /states/submitted`, `WORKFLOW_UNREACHABLE_STATE definitions/_workflows/mini.yaml:11:3 /states/done`],
      },
      {
        name: 'WORKFLOW_NOTHING_TO_REMOVE',
        yaml: 'extends: mini\nstates:\n  draft:\n    on:\n      sumbit: null\n',
        expected: [`WORKFLOW_NOTHING_TO_REMOVE ${FILE}:5:7 /states/draft/on/sumbit`],
      },
      {
        name: 'WORKFLOW_CREATE_EVENT (missing)',
        yaml: 'initial: a\nstates:\n  a: { label: A, final: true }\nevents: {}\n',
        expected: [`WORKFLOW_CREATE_EVENT ${FILE}:1:1 `],
      },
      {
        name: 'WORKFLOW_CREATE_EVENT (used as a transition)',
        yaml: 'extends: mini\nstates:\n  draft:\n    on:\n      create: {}\n',
        expected: [`WORKFLOW_CREATE_EVENT ${FILE}:5:7 /states/draft/on/create`],
      },
      {
        name: 'WORKFLOW_FINAL_STATE_TRANSITION',
        yaml: 'extends: mini\nstates:\n  done:\n    on:\n      submit: { target: submitted }\n',
        expected: [`WORKFLOW_FINAL_STATE_TRANSITION ${FILE}:5:7 /states/done/on/submit`],
      },
      {
        name: 'META_SCHEMA and UNKNOWN_KEY (wrong shapes, names, missing label)',
        yaml: 'extends: mini\nstates:\n  Review: { label: Revue }\n  review: { on: {}, lable: x }\nevents:\n  approve: { reason: sometimes }\n',
        expected: [
          `UNKNOWN_KEY ${FILE}:4:21 /states/review/lable`,
          `META_SCHEMA ${FILE}:6:22 /events/approve/reason`,
          `META_SCHEMA ${FILE}:3:3 /states/Review`,
          `META_SCHEMA ${FILE}:4:3 /states/review`,
          `WORKFLOW_UNREACHABLE_STATE ${FILE}:4:3 /states/review`,
          `WORKFLOW_DEAD_END ${FILE}:4:3 /states/review`,
        ],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { issues, workflow } = check(c.yaml, c.bases);
        assert.deepEqual(where(issues), c.expected, issues.map((i) => i.message).join('\n'));
        assert.equal(workflow, undefined);
      });
    }

    it('reports every issue at once', () => {
      const { issues } = check(`extends: mini
states:
  draft:
    on:
      submit: { target: submited, guards: [nope] }
events:
  submit: { actors: [nobody], effects: [{ notify: 3 }] }
`);
      assert.deepEqual(
        issues.map((i) => i.code),
        ['WORKFLOW_UNKNOWN_TARGET', 'WORKFLOW_UNKNOWN_GUARD', 'WORKFLOW_UNKNOWN_ROLE', 'WORKFLOW_BAD_ARGUMENT'],
      );
    });

    it("reports the base's own issues in the base file, once", () => {
      const broken = MINI.replace('target: done', 'target: donne');
      const { issues } = check('extends: mini\nevents:\n  approve: { reason: required }\n', { mini: broken });
      assert.deepEqual(where(issues), ['WORKFLOW_UNKNOWN_TARGET definitions/_workflows/mini.yaml:10:26 /states/submitted/on/approve/target']);
      assert.doesNotMatch(issues[0]!.message, /comes from/);
    });

    it('says which extension causes a problem written in the base file', () => {
      const { issues } = check('extends: mini\nstates:\n  done: null\n');
      assert.deepEqual(where(issues), ['WORKFLOW_UNKNOWN_TARGET definitions/_workflows/mini.yaml:10:26 /states/submitted/on/approve/target']);
      assert.match(issues[0]!.message, /This comes from definitions\/x\/workflow.yaml, which extends mini\.$/);
    });

    it('roles declared by the definition or by the workflow are known', () => {
      const yaml = 'extends: mini\nevents:\n  approve: { actors: [opinion_giver] }\n';
      assert.equal(check(yaml).issues[0]?.code, 'WORKFLOW_UNKNOWN_ROLE');
      assert.deepEqual(check(yaml, undefined, ['opinion_giver']).issues, []);
      assert.deepEqual(check(`roles: [opinion_giver]\n${yaml}`).issues, []);
    });

    it('a value that is not a mapping gives one issue', () => {
      for (const text of ['', '3', '"x"', '[]', 'null']) {
        const { issues } = check(text);
        assert.deepEqual(issues.map((i) => i.code), ['META_SCHEMA'], text);
      }
    });
  });
});
