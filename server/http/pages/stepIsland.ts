import { formSchema, type Definition } from '../../../engine/index.js';
import type { StepIslandProps } from '../../../renderer/client/StepIslandProps.js';
import type { StoredRequest } from '../../db/repositories/requests.js';
import type { User } from '../../db/repositories/users.js';
import { visibleSteps } from './visibleSteps.js';

/** Everything a step page's form needs, serialisable into the page for the browser to take over. */
export function stepIsland(definition: Definition, row: StoredRequest, user: User, stepIndex: number, csrfToken: string, now: Date): StepIslandProps {
  const steps = visibleSteps(definition, row.useCaseId);
  const useCase = definition.meta.use_cases.find((u) => u.id === row.useCaseId);
  // Fields locked by the use case, and the steps a production stage carries over from its approved sandbox.
  const locked = [...(useCase?.locked ?? []), ...definition.steps.filter((s) => s.inherited).map((s) => `/${s.id}`)];
  return {
    request: { id: row.publicId, version: row.version, data: row.data, updatedAt: row.updatedAt },
    steps: steps.map((s) => ({ id: s.id, title: s.title, ...(s.inherited ? { inherited: true } : {}) })),
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
  };
}
