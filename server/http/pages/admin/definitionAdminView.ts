import { formSchema, type Definition, type Example, type JsonSchema } from '../../../../engine/index.js';
import type { AdminDefinitionPageProps } from '../../../../renderer/pages/admin/AdminDefinitionPage.js';
import type { ExampleView } from '../../../../renderer/pages/admin/ExamplesSection.js';
import type { FormPreview } from '../../../../renderer/pages/admin/FormPreviewSection.js';
import { summarizeStep } from '../../../../renderer/summary/summarizeStep.js';
import { previewExamples } from '../../../conventions/previewExamples.js';
import { visibleSteps } from '../visibleSteps.js';
import { displayPath } from './displayPath.js';

/** The form as applicants see it with `useCaseId` (none when unknown): its steps, prefill, locked fields and scopes. */
function formPreview(definition: Definition, schema: JsonSchema, useCaseId: string): FormPreview {
  const useCase = definition.meta.use_cases.find((u) => u.id === useCaseId);
  const steps = visibleSteps(definition, useCase?.id);
  return {
    useCases: definition.meta.use_cases.map((u) => ({ id: u.id, title: u.title })),
    useCaseId: useCase?.id ?? '',
    schema: schema as Record<string, unknown>,
    uiSchema: definition.uiSchema,
    steps: steps.map((s) => ({ id: s.id, title: s.title, ...(s.inherited ? { inherited: true } : {}) })),
    hiddenSteps: definition.steps.filter((s) => !steps.includes(s)).map((s) => ({ id: s.id, title: s.title })),
    data: structuredClone(useCase?.prefill ?? {}),
    context: {
      scopes: { groups: definition.meta.scopes, ...(useCase?.scopes ? { allowed: useCase.scopes } : {}) },
      // Fields locked by the use case, and the steps a production stage carries over from its sandbox.
      locked: [...(useCase?.locked ?? []), ...definition.steps.filter((s) => s.inherited).map((s) => `/${s.id}`)],
    },
  };
}

function contextText(definition: Definition, context: Example['context']): string {
  if (context === 'submit') return 'Soumission : tout est vérifié, conditions et attestations comprises';
  if (context === 'save') return 'Enregistrement : la forme seulement, rien n’est obligatoire';
  const step = definition.steps.find((s) => s.id === context.step);
  return `Étape « ${step?.title ?? context.step} » et les précédentes`;
}

function exampleView(definition: Definition, schema: JsonSchema, example: Example): ExampleView {
  const useCase = definition.meta.use_cases.find((u) => u.id === example.useCaseId);
  return {
    name: example.name,
    file: displayPath(example.file),
    description: example.description,
    useCase: example.useCaseId ? (useCase ? `${useCase.title} (${useCase.id})` : example.useCaseId) : undefined,
    context: contextText(definition, example.context),
    issues: example.issues.map((i) => ({ code: i.code, pointer: i.pointer, message: i.message })),
    blocks: definition.steps
      .filter((s) => example.data[s.id] !== undefined)
      .map((s) => ({ id: s.id, title: s.title, section: summarizeStep(schema, definition.uiSchema, s.id, s.title, example.data) })),
  };
}

/** What the admin page shows of a loaded definition, with the use case `useCaseId` applied to the form. */
export function definitionAdminView(definition: Definition, useCaseId: string): NonNullable<AdminDefinitionPageProps['definition']> {
  const schema = formSchema(definition);
  const stage = definition.meta.stage;
  return {
    name: definition.meta.name,
    provider: definition.meta.provider,
    providerName: definition.meta.provider_name,
    description: definition.meta.description,
    kind: definition.meta.kind,
    stage: stage ? { kind: stage.kind, other: stage.kind === 'sandbox' ? stage.next : stage.previous } : undefined,
    form: formPreview(definition, schema, useCaseId),
    workflow: definition.workflow,
    examples: definition.examples.map((e) => exampleView(definition, schema, e)),
    convention: {
      template: definition.convention ? `${displayPath(definition.folder)}/convention.hbs` : 'templates/generic/convention.hbs',
      generic: !definition.convention,
      examples: previewExamples(definition).map((e) => ({ name: e.name })),
    },
  };
}
