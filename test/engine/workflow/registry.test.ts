import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkWorkflow, createWorkflowRegistry, defaultWorkflowRegistry, registryReference, transition } from '../../../engine/workflow/index.js';
import { ACTORS, NOW, accepted, exemple, refusedWith, request } from './fixtures.js';
import { yamlSource } from './workflowFiles.js';

describe('workflow registry', () => {
  it('definitions/_workflows/README.md lists exactly the registered roles, guards and effects', () => {
    const readme = readFileSync('definitions/_workflows/README.md', 'utf8');
    const block = /<!-- registry:start -->\n([\s\S]*)<!-- registry:end -->/.exec(readme)?.[1];
    assert.equal(block, registryReference(defaultWorkflowRegistry), 'regenerate the block between the registry markers from registryReference()');
  });

  it('every entry documents itself', () => {
    for (const [name, entry] of [...defaultWorkflowRegistry.guards, ...defaultWorkflowRegistry.effects]) {
      assert.ok(entry.description.length > 20, name);
      assert.equal(entry.argument === undefined, entry.argumentSchema === undefined, name);
    }
  });

  it('refuses a name registered twice or not snake_case (programmer errors)', () => {
    const registry = createWorkflowRegistry();
    const guard = { description: 'x', test: () => true, refusal: () => '' };
    assert.throws(() => registry.addGuard('is_reopening', guard), /already registered/);
    assert.throws(() => registry.addGuard('Weekday', guard), /snake_case/);
  });

  it('an extension registers a guard the same way the built-ins are, and workflows may then use it', () => {
    const registry = createWorkflowRegistry().addGuard('on_weekday', {
      description: 'The event is fired from Monday to Friday.',
      test: (c) => c.now.getUTCDay() % 6 !== 0,
      refusal: () => 'Cette action est possible du lundi au vendredi.',
    });
    const file = yamlSource('definitions/x/workflow.yaml', 'extends: standard\nevents:\n  approve: { guards: [on_weekday] }\n');
    const loadBase = (name: string) => (name === 'standard' ? yamlSource('definitions/_workflows/standard.yaml', readFileSync('definitions/_workflows/standard.yaml', 'utf8')) : undefined);
    assert.equal(checkWorkflow({ file, loadBase }).issues[0]?.code, 'WORKFLOW_UNKNOWN_GUARD');
    const { workflow, issues } = checkWorkflow({ file, loadBase, registry });
    assert.deepEqual(issues, []);
    const definition = { ...exemple(), workflow: workflow! };
    const sunday = new Date('2025-06-01T10:00:00Z');
    assert.deepEqual(refusedWith(transition(definition, request('submitted'), { type: 'approve' }, ACTORS.instructor, sunday, { registry })), ['EVENT_GUARD_FAILED ']);
    accepted(transition(definition, request('submitted'), { type: 'approve' }, ACTORS.instructor, new Date('2025-06-02T10:00:00Z'), { registry }));
    assert.equal(NOW.getUTCDay(), 0);
  });
});
