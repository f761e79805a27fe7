import { formSchema, type Definition, type Issue, type JsonSchema } from '../../../engine/index.js';
import { withEmptyObjects } from '../../../renderer/client/withEmptyObjects.js';
import type { StepIslandProps } from '../../../renderer/client/StepIslandProps.js';
import type { StoredRequest } from '../../db/repositories/requests.js';
import type { User } from '../../db/repositories/users.js';
import { issuesByStep } from './stepValidity.js';
import { visibleSteps } from './visibleSteps.js';

/**
 * Everything a step page's form needs, serialisable into the page for the browser to take over. With
 * `showIssues`, the step's issues are shown from the first render (the applicant came to fix them).
 */
export function stepIsland(definition: Definition, row: StoredRequest, user: User, stepIndex: number, csrfToken: string, now: Date, showIssues = false): StepIslandProps {
  const steps = visibleSteps(definition, row.useCaseId);
  const issues = issuesByStep(definition, row, steps);
  const own = showIssues ? stepIssues(definition, row, steps[stepIndex]!.id) : [];
  const useCase = definition.meta.use_cases.find((u) => u.id === row.useCaseId);
  // Fields locked by the use case, and the steps a production stage carries over from its approved sandbox.
  const locked = [...(useCase?.locked ?? []), ...definition.steps.filter((s) => s.inherited).map((s) => `/${s.id}`)];
  return {
    request: { id: row.publicId, version: row.version, data: row.data, updatedAt: row.updatedAt },
    steps: steps.map((s) => ({ id: s.id, title: s.title, ...(s.inherited ? { inherited: true } : {}), done: !issues.get(s.id)?.length })),
    stepIndex,
    schema: formSchema(definition) as Record<string, unknown>,
    uiSchema: definition.uiSchema,
    context: {
      scopes: { groups: definition.meta.scopes, ...(useCase?.scopes ? { allowed: useCase.scopes } : {}), createdAt: row.createdAt },
      me: {
        ...(user.givenName ? { given_name: user.givenName } : {}),
        ...(user.familyName ? { family_name: user.familyName } : {}),
        email: user.email,
        ...(user.phoneNumber ? { phone_number: user.phoneNumber } : {}),
        ...(user.jobTitle ? { job_title: user.jobTitle } : {}),
      },
      locked,
    },
    csrfToken,
    now: now.toISOString(),
    ...(own.length ? { issues: own.map((i) => ({ pointer: i.pointer, message: i.message })) } : {}),
  };
}

/**
 * The step's issues as « Suivant » reports them: untouched blocks sent as empty objects, so each missing field
 * gets its own message beside it rather than one for the whole block.
 */
function stepIssues(definition: Definition, row: StoredRequest, stepId: string): Issue[] {
  const data = withEmptyObjects(formSchema(definition) as JsonSchema, stepId, row.data);
  const checked = definition.validator.validate(data, { context: { step: stepId }, ...(row.useCaseId ? { useCaseId: row.useCaseId } : {}), createdAt: row.createdAt });
  return checked.issues.filter((i) => i.pointer === `/${stepId}` || i.pointer.startsWith(`/${stepId}/`));
}
