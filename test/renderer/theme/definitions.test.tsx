import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderToString } from 'react-dom/server';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import { formSchema } from '../../../engine/index.js';
import { formValidator, StepForm, stepSchema, type DsfrFormContext } from '../../../renderer/theme/index.js';
import { definitions } from './support/definitions.js';
import { ids, tags } from './support/htmlTags.js';
import { consoleErrors } from './support/renderForm.js';

/** The fields of a step for its data: the properties of the step once its branches are resolved. */
function stepFields(schema: RJSFSchema, stepId: string, data: unknown): string[] {
  const root = stepSchema(schema, stepId);
  const utils = createSchemaUtils(formValidator, root);
  const step = utils.retrieveSchema(root.properties![stepId] as RJSFSchema, data);
  return step.type === 'object' ? Object.keys(step.properties ?? {}) : [];
}

/** Every id that a `for`, `href="#…"`, `aria-labelledby` or `aria-describedby` of the HTML names. */
function references(html: string): string[] {
  return tags(html).flatMap((t) => [
    ...(t.attrs.for ? [t.attrs.for] : []),
    ...(t.attrs.href?.startsWith('#') ? [t.attrs.href.slice(1)] : []),
    ...(t.attrs['aria-labelledby']?.split(/\s+/) ?? []),
    ...(t.attrs['aria-describedby']?.split(/\s+/) ?? []),
  ]);
}

describe('DSFR theme: every step of every definition renders', () => {
  for (const definition of definitions().values()) {
    describe(definition.id, () => {
      const schema = formSchema(definition) as RJSFSchema;
      const examples = definition.examples.filter((e) => e.issues.length === 0);
      it('has valid examples to render', () => assert.ok(examples.length > 0));
      for (const example of examples) {
        const useCase = definition.meta.use_cases.find((u) => u.id === example.useCaseId);
        const context: DsfrFormContext = {
          scopes: { groups: definition.meta.scopes, ...(useCase?.scopes ? { allowed: useCase.scopes } : {}) },
          locked: useCase?.locked ?? [],
          me: { given_name: 'Camille', family_name: 'Martin', email: 'camille.martin@clamart.fr' },
        };
        for (const step of definition.steps) {
          it(`${example.name}: ${step.id}`, () => {
            // Issues on every field of the step too, so that the summary and the messages render.
            const issues = stepFields(schema, step.id, example.data[step.id]).map((field) => ({ pointer: `/${step.id}/${field}`, message: 'À corriger.' }));
            const { result: html, errors } = consoleErrors(() =>
              renderToString(<StepForm schema={schema} uiSchema={definition.uiSchema} stepId={step.id} data={example.data} issues={issues} context={context} />),
            );
            assert.deepEqual(errors, [], 'no React or rjsf warning');
            const all = ids(html);
            assert.deepEqual(all.filter((id, i) => all.indexOf(id) !== i), [], 'no duplicate id');
            const known = new Set(all);
            assert.deepEqual(references(html).filter((id) => !known.has(id)), [], 'labels, links and aria attributes name existing elements');
            const fields = stepFields(schema, step.id, example.data[step.id]);
            const expected = fields.length ? fields.map((field) => `root_${step.id}_${field}`) : [`root_${step.id}`];
            for (const id of expected) assert.ok(known.has(id), `an input or widget #${id}`);
            if (issues.length) assert.equal(tags(html).filter((t) => t.attrs.href?.startsWith('#root_')).length, issues.length, 'one summary link per issue');
          });
        }
      }
    });
  }
});
