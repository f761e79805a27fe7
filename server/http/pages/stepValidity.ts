import type { Definition, Issue, Step } from '../../../engine/index.js';
import type { StoredRequest } from '../../db/repositories/requests.js';

/** The step an issue is about: the first segment of its pointer (`/basic_infos/intitule` → `basic_infos`). */
const stepOf = (pointer: string) => pointer.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The issues of each visible step, as « Suivant » would find them. One validation in the context of the last
 * visible step, which enforces every rule of every step before it, then each issue is filed under the step its
 * pointer starts with: the step page is rendered on every visit, so one validation (a fraction of a
 * millisecond once compiled) rather than one per step.
 */
export function issuesByStep(definition: Definition, row: StoredRequest, steps: readonly Step[]): Map<string, Issue[]> {
  const byStep = new Map<string, Issue[]>(steps.map((s) => [s.id, []]));
  const last = steps[steps.length - 1];
  if (!last) return byStep;
  const checked = definition.validator.validate(row.data, { context: { step: last.id }, ...(row.useCaseId ? { useCaseId: row.useCaseId } : {}), createdAt: row.createdAt });
  for (const issue of checked.issues) byStep.get(stepOf(issue.pointer) ?? '')?.push(issue);
  return byStep;
}
