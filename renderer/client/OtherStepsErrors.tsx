import type { ApiIssue } from './apiClient.js';
import { stepToFixUrl } from './StepIslandProps.js';

/** The issues of « Suivant » that are about other steps than this one, grouped by step in the form's order. */
export function issuesOfOtherSteps(issues: readonly ApiIssue[], steps: readonly { id: string; title: string }[], currentId: string) {
  return steps
    .map((step, index) => ({ step, index, issues: issues.filter((i) => i.pointer === `/${step.id}` || i.pointer.startsWith(`/${step.id}/`)) }))
    .filter((group) => group.step.id !== currentId && group.issues.length);
}

/**
 * « Suivant » refused because of other steps (this page's form only shows its own fields' errors): a DSFR
 * error alert naming each step by its title, linking to its page where its errors show, with what is wrong.
 */
export function OtherStepsErrors({ requestId, groups }: { requestId: string; groups: ReturnType<typeof issuesOfOtherSteps> }) {
  if (!groups.length) return null;
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" id="erreurs-autres-etapes" tabIndex={-1}>
      <h2 className="fr-alert__title">{groups.length > 1 ? 'Des étapes précédentes sont incomplètes' : 'Une étape précédente est incomplète'}</h2>
      <p>Complétez {groups.length > 1 ? 'ces étapes' : 'cette étape'} avant de passer à la suite :</p>
      <ul>
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
