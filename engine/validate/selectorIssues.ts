import { closest } from '../issues/didYouMean.js';
import type { Issue } from '../issues/Issue.js';
import type { ValidationContext } from '../model/Definition.js';

/** What a validation names but the form does not have: the use case, the step (French messages). */
export function selectorIssues(
  selector: { context: ValidationContext; useCaseId?: string },
  known: { useCaseIds: string[]; stepIds: string[]; useCaseFound: boolean; contextFound: boolean },
): Issue[] {
  const issues: Issue[] = [];
  if (!known.useCaseFound) {
    const name = String(selector.useCaseId);
    const near = closest(name, known.useCaseIds);
    issues.push({
      code: 'UNKNOWN_USE_CASE',
      pointer: '',
      message: `Cas d'usage inconnu « ${name} ».${near ? ` Vouliez-vous dire « ${near} » ?` : ''} Cas d'usage de ce formulaire : ${known.useCaseIds.join(', ') || 'aucun'}.`,
    });
  }
  if (!known.contextFound) {
    const context = selector.context as unknown;
    const name = context && typeof context === 'object' ? String((context as { step?: unknown }).step) : String(context);
    const near = closest(name, known.stepIds);
    issues.push({
      code: 'UNKNOWN_STEP',
      pointer: '',
      message: `Étape inconnue « ${name} ».${near ? ` Vouliez-vous dire « ${near} » ?` : ''} Étapes de ce formulaire : ${known.stepIds.join(', ')}.`,
    });
  }
  return issues;
}
