import { Breadcrumb } from '../components/Breadcrumb.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';
import { ProcessingTimeCallout, type ProcessingTimeView } from './ProcessingTimeCallout.js';

export interface UseCasesPageProps {
  page: PageContext;
  definition: { id: string; name: string; providerName: string; description: string; documentation?: string | undefined };
  useCases: { id: string; title: string; description?: string | undefined }[];
  processingTime: ProcessingTimeView | undefined;
}

/** A definition's page: what it gives access to, the estimated delay, and the choice of a use case. */
export function UseCasesPage({ page, definition, useCases, processingTime }: UseCasesPageProps) {
  return (
    <Page page={page} title={`${definition.name} : choisir un cas d’usage`}>
      <Breadcrumb items={[{ label: 'Catalogue', href: '/catalogue' }, { label: definition.name }]} />
      <h1>{definition.name}</h1>
      <p className="fr-text--lead">{definition.description}</p>
      <p>
        Fourni par {definition.providerName}.
        {definition.documentation ? (
          <>
            {' '}
            <a className="fr-link" href={definition.documentation} target="_blank" rel="noopener" title={`Documentation de ${definition.name} – nouvelle fenêtre`}>Documentation</a>
          </>
        ) : null}
      </p>
      <ProcessingTimeCallout time={processingTime} />
      <h2>Choisissez votre cas d’usage</h2>
      <p>Le cas d’usage préremplit la demande et limite les données proposées à celles dont il a besoin.</p>
      <ul className="fr-grid-row fr-grid-row--gutters datapass-plain-list">
        {useCases.map((useCase) => (
          <li className="fr-col-12 fr-col-md-6" key={useCase.id}>
            <div className="fr-tile fr-enlarge-link">
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <h3 className="fr-tile__title">
                    <a href={`/catalogue/${encodeURIComponent(definition.id)}/${encodeURIComponent(useCase.id)}`}>{useCase.title}</a>
                  </h3>
                  {useCase.description ? <p className="fr-tile__desc">{useCase.description}</p> : null}
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
