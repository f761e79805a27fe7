import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

export interface CatalogueEntry {
  id: string;
  name: string;
  providerName: string;
  description: string;
  kind: 'api' | 'service';
  sandbox: boolean;
}

/** The catalogue of what can be requested, searchable without JavaScript (`?q=`). */
export function CataloguePage({ page, query, entries, total }: { page: PageContext; query: string; entries: CatalogueEntry[]; total: number }) {
  return (
    <Page page={page} title="Catalogue des habilitations">
      <h1>Catalogue des habilitations</h1>
      <p className="fr-text--lead">Choisissez l’API ou le service auquel votre organisation a besoin d’accéder.</p>
      <form method="get" action="/catalogue" role="search" className="fr-mb-4w">
        <div className="fr-search-bar" id="recherche-catalogue">
          <label className="fr-label" htmlFor="q">Rechercher une API ou un service</label>
          <input className="fr-input" placeholder="Ex. : quotient familial, entreprise, FranceConnect" type="search" id="q" name="q" defaultValue={query} />
          <button className="fr-btn" title="Rechercher" type="submit">Rechercher</button>
        </div>
      </form>
      <p aria-live="polite">
        {query ? `${entries.length} résultat${entries.length > 1 ? 's' : ''} pour « ${query} » sur ${total}.` : `${total} habilitations disponibles.`}
        {query ? <> <a className="fr-link" href="/catalogue">Voir tout le catalogue</a></> : null}
      </p>
      <ul className="fr-grid-row fr-grid-row--gutters datapass-plain-list">
        {entries.map((entry) => (
          <li className="fr-col-12 fr-col-md-6 fr-col-lg-4" key={entry.id}>
            <div className="fr-card fr-enlarge-link">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h2 className="fr-card__title">
                    <a href={`/catalogue/${encodeURIComponent(entry.id)}`}>{entry.name}</a>
                  </h2>
                  <p className="fr-card__desc">{entry.description}</p>
                  <div className="fr-card__start">
                    <ul className="fr-badges-group">
                      <li><p className="fr-badge fr-badge--sm fr-badge--blue-ecume">{entry.kind === 'api' ? 'API' : 'Service'}</p></li>
                      {entry.sandbox ? <li><p className="fr-badge fr-badge--sm">Bac à sable</p></li> : null}
                    </ul>
                    <p className="fr-card__detail">{entry.providerName}</p>
                  </div>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
