import type { ApiIssue } from './apiClient.js';
import { stepToFixUrl } from './StepIslandProps.js';

const within = (issue: ApiIssue, stepId: string) => issue.pointer === `/${stepId}` || issue.pointer.startsWith(`/${stepId}/`);

/**
 * The issues of a refused save that this step's form cannot show: those of other steps, grouped by step in the
 * form's order, and those of no step (the whole data: its size, its depth).
 */
export function issuesOfOtherSteps(issues: readonly ApiIssue[], steps: readonly { id: string; title: string }[], currentId: string) {
  const current = steps.findIndex((s) => s.id === currentId);
  const groups = steps
    .map((step, index) => ({ step, index, earlier: index < current, issues: issues.filter((i) => within(i, step.id)) }))
    .filter((group) => group.step.id !== currentId && group.issues.length);
  return { groups, unplaced: issues.filter((i) => !steps.some((s) => within(i, s.id))) };
}

type OtherIssues = ReturnType<typeof issuesOfOtherSteps>;

/** Earlier steps as a rule (« Suivant » enforces them); a later step only for a value of the wrong shape. */
function title({ groups }: OtherIssues): string {
  if (!groups.length) return 'La demande n’a pas été enregistrée';
  const earlier = groups.every((g) => g.earlier);
  if (groups.length > 1) return earlier ? 'Des étapes précédentes sont incomplètes' : 'D’autres étapes sont à corriger';
  return earlier ? 'Une étape précédente est incomplète' : 'Une autre étape est à corriger';
}

/**
 * « Suivant » refused because of other steps (this page's form only shows its own fields' errors): a DSFR
 * error alert naming each step by its title, linking to its page where its errors show, with what is wrong.
 */
export function OtherStepsErrors({ requestId, issues }: { requestId: string; issues: OtherIssues }) {
  const { groups, unplaced } = issues;
  if (!groups.length && !unplaced.length) return null;
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" id="erreurs-autres-etapes" tabIndex={-1}>
      <h2 className="fr-alert__title">{title(issues)}</h2>
      {groups.length ? <p>{groups.length > 1 ? 'Complétez ces étapes' : 'Complétez cette étape'} avant de passer à la suite :</p> : null}
      <ul>
        {unplaced.map((issue, i) => (
          <li key={`hors-etape-${i}`}>{issue.message}</li>
        ))}
        {groups.map(({ step, index, issues }) => (
          <li key={step.id}>
            <a href={stepToFixUrl(requestId, step.id)}>
              Étape {index + 1} : {step.title}
            </a>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>{issue.message}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
