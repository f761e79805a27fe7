import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { createSourceFile } from '../../../engine/source/SourceFile.js';
import { checkWorkflow } from '../../../engine/workflow/index.js';
import { loadBase } from './workflowFiles.js';

// Keys and values a workflow file uses, plus names that would hurt a careless implementation.
const word = fc.constantFrom(
  'extends', 'initial', 'roles', 'states', 'events', 'on', 'label', 'final', 'target', 'actors', 'reason', 'guards',
  'effects', 'description', 'draft', 'submitted', 'validated', 'archived', 'approve', 'submit', 'create', 'transfer',
  'standard', 'with_opinion', 'applicant', 'instructor', 'not_same_actor_as', 'notify', 'feature', 'is_reopening',
  'record_event', 'roles', 'required', 'optional', 'none', 'constructor', 'toString', '__proto__', 'Bad Name', '',
);
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), word, fc.string({ maxLength: 8 }));
const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(word, tie('node'), { maxKeys: 6 })),
}));

/** A file whose text is the YAML of `value`, parsed back as the loader would. */
function fileOf(path: string, value: unknown) {
  const text = stringify(value);
  return createSourceFile(path, text, parse(text, { uniqueKeys: false }) ?? null);
}

describe('checkWorkflow never throws', () => {
  it('on any YAML-ish value, with a real or random base, and gives issues unless it gives a workflow', () => {
    fc.assert(
      fc.property(node, fc.option(node), fc.boolean(), (value, base, extend) => {
        const root = extend && value && typeof value === 'object' && !Array.isArray(value) ? { ...value, extends: 'standard' } : value;
        const result = checkWorkflow({
          file: fileOf('definitions/x/workflow.yaml', root),
          loadBase: (name) => (base === null ? loadBase(name) : fileOf(`definitions/_workflows/${name}.yaml`, base)),
          extraRoles: ['opinion_giver'],
        });
        assert.ok(Array.isArray(result.issues));
        assert.ok(result.workflow ? result.issues.length === 0 : result.issues.length > 0);
        for (const issue of result.issues) assert.equal(typeof issue.pointer, 'string');
      }),
      { numRuns: 600 },
    );
  });

  it('on values fast-check makes up, JSON or not', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = checkWorkflow({ file: createSourceFile('w.yaml', '', value), loadBase });
        assert.ok(result.issues.length > 0 || result.workflow);
      }),
      { numRuns: 300 },
    );
  });
});
