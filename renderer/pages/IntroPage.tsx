import { Breadcrumb } from '../components/Breadcrumb.js';
import { CsrfField } from '../components/CsrfField.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';
import { ProcessingTimeCallout, type ProcessingTimeView } from './ProcessingTimeCallout.js';

export interface IntroPageProps {
  page: PageContext;
  definition: { id: string; name: string; supportEmail: string };
  useCase: { id: string; title: string; description?: string | undefined };
  steps: { id: string; title: string }[];
  terms: string[];
  processingTime: ProcessingTimeView | undefined;
  /** Why the request cannot be started here (no organisation, establishment closed), if so. */
  blocked?: string | undefined;
}

/** Before starting: what the request asks for, step by step, and for which organisation it will be made. */
export function IntroPage({ page, definition, useCase, steps, terms, processingTime, blocked }: IntroPageProps) {
  const back = `/catalogue/${encodeURIComponent(definition.id)}`;
  return (
    <Page page={page} title={`${definition.name} – ${useCase.title}`}>
      <Breadcrumb items={[{ label: 'Catalogue', href: '/catalogue' }, { label: definition.name, href: back }, { label: useCase.title }]} />
      <h1>Demande d’habilitation : {definition.name}</h1>
      <p className="fr-text--lead">Cas d’usage : {useCase.title}</p>
      {useCase.description ? <p>{useCase.description}</p> : null}
      <h2>Votre demande en {steps.length} étapes</h2>
      <ol>
        {steps.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ol>
      <p>Vous pouvez enregistrer à tout moment et reprendre plus tard, depuis « Mes demandes ». Les pièces jointes sont des fichiers PDF de 10 Mo au plus.</p>
      {terms.length ? (
        <>
          <h2>Avant d’envoyer, vous cocherez ces engagements</h2>
          <ul>
            {terms.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ProcessingTimeCallout time={processingTime} />
      {!page.user ? (
        <a className="fr-btn" href={`/connexion?retour=${encodeURIComponent(page.path)}`}>Se connecter pour commencer</a>
      ) : blocked ? (
        <div className="fr-alert fr-alert--warning">
          <h2 className="fr-alert__title">Vous ne pouvez pas commencer cette demande</h2>
          <p>{blocked}</p>
        </div>
      ) : (
        <form method="post" action="/demandes">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="definitionId" value={definition.id} />
          <input type="hidden" name="useCaseId" value={useCase.id} />
          <p>La demande sera faite pour <strong>{page.organization?.name}</strong> (SIRET {page.organization?.siret}). <a className="fr-link" href="/organisation">Changer d’organisation</a></p>
          <button type="submit" className="fr-btn fr-icon-arrow-right-line fr-btn--icon-right">Commencer ma demande</button>
        </form>
      )}
      <p className="fr-mt-4w fr-text--sm">Une question ? Écrivez à <a href={`mailto:${definition.supportEmail}`}>{definition.supportEmail}</a>.</p>
    </Page>
  );
}
