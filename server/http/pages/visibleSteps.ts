import type { Definition, Step } from '../../../engine/index.js';

/** The steps an applicant goes through for a use case: all of them unless the use case names its own. */
export function visibleSteps(definition: Definition, useCaseId: string | undefined): Step[] {
  const only = definition.meta.use_cases.find((u) => u.id === useCaseId)?.steps;
  return only ? definition.steps.filter((s) => only.includes(s.id)) : definition.steps;
}
