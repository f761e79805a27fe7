import { StepPageApp } from '../client/StepPageApp.js';
import type { StepIslandProps } from '../client/StepIslandProps.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { Stepper } from '../components/Stepper.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

export interface StepPageProps {
  page: PageContext;
  definitionName: string;
  useCaseTitle?: string | undefined;
  island: StepIslandProps;
}

/** One step of a request's form: the DSFR stepper, then the form, hydrated by /assets/stepPage.js. */
export function StepPage({ page, definitionName, useCaseTitle, island }: StepPageProps) {
  const { steps, stepIndex, request } = island;
  const step = steps[stepIndex]!;
  return (
    <Page page={page} title={`${step.title} – étape ${stepIndex + 1} sur ${steps.length} – demande ${request.id}`} script="stepPage.js" islandProps={island}>
      <Breadcrumb items={[{ label: 'Mes demandes', href: '/demandes' }, { label: `Demande ${request.id}`, href: `/demandes/${request.id}` }, { label: step.title }]} />
      <h1 className="fr-h3">
        {definitionName}
        {useCaseTitle ? ` – ${useCaseTitle}` : ''} <span className="fr-text--md fr-text--regular">(demande {request.id})</span>
      </h1>
      <Stepper steps={steps.map((s) => ({ title: s.title, done: s.done === true }))} current={stepIndex} />
      <noscript>
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <h2 className="fr-alert__title">JavaScript est nécessaire pour remplir ce formulaire</h2>
          <p>Activez JavaScript pour enregistrer vos réponses. Vous pouvez consulter votre demande depuis « Mes demandes ».</p>
        </div>
      </noscript>
      <div id="step-island">
        <StepPageApp {...island} />
      </div>
    </Page>
  );
}
