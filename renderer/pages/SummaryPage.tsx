import { stepUrl } from '../client/StepIslandProps.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { CsrfField } from '../components/CsrfField.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';
import type { SummarySection } from '../summary/summarizeStep.js';
import { SummarySectionView } from '../summary/SummarySectionView.js';

export interface SummaryPageProps {
  page: PageContext;
  definitionName: string;
  request: { id: string; version: number; stateLabel: string };
  steps: { id: string; title: string; section: SummarySection; editable: boolean }[];
  terms: { id: string; label: string; checked: boolean }[];
  canSubmit: boolean;
  /** Issues of a refused submit: pointer into the data and message in French. */
  issues: { pointer: string; message: string }[];
}

const termId = (id: string) => `engagement-${id}`;
const fieldId = (pointer: string) => 'root' + pointer.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('_');

/**
 * Every block of the request with a link to change it, then the terms and attestations to tick, then
 * « Soumettre la demande ». Works without JavaScript: a plain form posts the ticked boxes.
 */
export function SummaryPage({ page, definitionName, request, steps, terms, canSubmit, issues }: SummaryPageProps) {
  const termIssue = (id: string) => issues.find((i) => i.pointer === `/terms/${id}`);
  const linkOf = (pointer: string) => {
    const [stepId] = pointer.split('/').slice(1);
    if (stepId === 'terms') return `#${termId(pointer.split('/')[2] ?? '')}`;
    const step = steps.find((s) => s.id === stepId);
    return step ? `${stepUrl(request.id, step.id)}#${fieldId(pointer)}` : '#formulaire-envoi';
  };
  const titleOf = (pointer: string) => steps.find((s) => s.id === pointer.split('/')[1])?.title ?? (pointer.startsWith('/terms') ? 'Engagements' : 'Demande');
  return (
    <Page page={page} title={`Récapitulatif – demande ${request.id}`}>
      <Breadcrumb items={[{ label: 'Mes demandes', href: '/demandes' }, { label: `Demande ${request.id}`, href: `/demandes/${request.id}` }, { label: 'Récapitulatif' }]} />
      <h1>Récapitulatif de votre demande</h1>
      <p className="fr-text--lead">
        {definitionName} – demande {request.id} ({request.stateLabel})
      </p>
      {issues.length ? (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" tabIndex={-1} id="erreurs">
          <h2 className="fr-alert__title">La demande n’a pas été envoyée : {issues.length === 1 ? 'une réponse est à corriger' : `${issues.length} réponses sont à corriger`}</h2>
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>
                <a href={linkOf(issue.pointer)}>{titleOf(issue.pointer)} : {issue.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {steps.map((step, i) => (
        <section key={step.id} className="fr-mb-4w datapass-summary-block" aria-labelledby={`bloc-${step.id}`}>
          <div className="datapass-summary-block__head">
            <h2 className="fr-h4" id={`bloc-${step.id}`}>
              {i + 1}. {step.title}
            </h2>
            {step.editable ? (
              <a className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-edit-line fr-btn--icon-left" href={stepUrl(request.id, step.id)} title={`Modifier « ${step.title} »`}>Modifier</a>
            ) : null}
          </div>
          <SummarySectionView section={step.section} />
        </section>
      ))}
      {canSubmit ? (
        <form method="post" action={`/demandes/${request.id}/soumettre`} id="formulaire-envoi" noValidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="version" value={request.version} />
          {terms.length ? (
            <fieldset className={`fr-fieldset ${terms.some((t) => termIssue(t.id)) ? 'fr-fieldset--error' : ''}`.trim()} aria-labelledby="engagements-legende">
              <legend className="fr-fieldset__legend" id="engagements-legende">Engagements</legend>
              {terms.map((t) => {
                const issue = termIssue(t.id);
                return (
                  <div className="fr-fieldset__element" key={t.id}>
                    <div className={`fr-checkbox-group ${issue ? 'fr-checkbox-group--error' : ''}`.trim()}>
                      <input type="checkbox" id={termId(t.id)} name={`terms[${t.id}]`} value="on" defaultChecked={t.checked} {...(issue ? { 'aria-describedby': `${termId(t.id)}-erreur` } : {})} />
                      <label className="fr-label" htmlFor={termId(t.id)}>{t.label}</label>
                      {issue ? (
                        <p className="fr-error-text" id={`${termId(t.id)}-erreur`}>{issue.message}</p>
                      ) : null}
                    </div>
                  </div>
                );
              })}
            </fieldset>
          ) : null}
          <button type="submit" className="fr-btn fr-icon-send-plane-line fr-btn--icon-right">Soumettre la demande</button>
        </form>
      ) : (
        <div className="fr-alert fr-alert--info">
          <h2 className="fr-alert__title">Cette demande ne peut pas être soumise maintenant</h2>
          <p>Elle est « {request.stateLabel} ». Retrouvez son suivi sur <a href={`/demandes/${request.id}`}>la page de la demande</a>.</p>
        </div>
      )}
    </Page>
  );
}
