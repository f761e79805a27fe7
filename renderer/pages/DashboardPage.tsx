import { StateBadge } from '../components/StateBadge.js';
import { dateFr } from '../format/frenchDates.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

export interface DashboardRequest {
  id: string;
  title: string | null;
  definitionName: string;
  state: string;
  stateLabel: string;
  updatedAt: string;
  /** Where the applicant goes on: the form while it can be changed, else the request's page. */
  href: string;
  action: string;
}

export interface DashboardAuthorization {
  id: string;
  requestId: string;
  definitionName: string;
  state: string;
  createdAt: string;
}

const AUTHORIZATION_STATES: Record<string, { label: string; kind: string }> = {
  active: { label: 'Active', kind: 'fr-badge--success' },
  obsolete: { label: 'Remplacée', kind: '' },
  revoked: { label: 'Révoquée', kind: 'fr-badge--error' },
};

/** « Mes demandes »: the current organisation's requests, newest activity first, and its authorizations. */
export function DashboardPage({ page, requests, next, authorizations }: { page: PageContext; requests: DashboardRequest[]; next: string | null; authorizations: DashboardAuthorization[] }) {
  return (
    <Page page={page} title="Mes demandes">
      <div className="datapass-page-head">
        <h1>Mes demandes</h1>
        <a className="fr-btn fr-icon-add-line fr-btn--icon-left" href="/catalogue">Nouvelle demande</a>
      </div>
      {page.organization ? <p className="fr-text--lead">Demandes de {page.organization.name} (SIRET {page.organization.siret})</p> : <p>Choisissez d’abord <a href="/organisation">l’organisation pour laquelle vous agissez</a>.</p>}
      {requests.length ? (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Demandes de l’organisation</caption>
            <thead>
              <tr>
                <th scope="col">Demande</th>
                <th scope="col">Habilitation</th>
                <th scope="col">État</th>
                <th scope="col">Dernière modification</th>
                <th scope="col"><span className="fr-sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <strong>{r.id}</strong>
                    {r.title ? <><br />{r.title}</> : null}
                  </td>
                  <td>{r.definitionName}</td>
                  <td><StateBadge state={r.state} label={r.stateLabel} /></td>
                  <td>{dateFr(r.updatedAt)}</td>
                  <td><a className="fr-link" href={r.href} title={`${r.action} la demande ${r.id}`}>{r.action}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : page.organization ? (
        <p>Votre organisation n’a encore aucune demande. <a href="/catalogue">Parcourez le catalogue</a> pour en commencer une.</p>
      ) : null}
      {next ? (
        <p><a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={`/demandes?apres=${encodeURIComponent(next)}`}>Demandes plus anciennes</a></p>
      ) : null}
      <h2 className="fr-mt-6w">Habilitations de l’organisation</h2>
      {authorizations.length ? (
        <ul className="datapass-plain-list">
          {authorizations.map((a) => {
            const state = AUTHORIZATION_STATES[a.state] ?? { label: a.state, kind: '' };
            return (
              <li key={a.id} className="fr-mb-1w">
                <strong>{a.id}</strong> – {a.definitionName}, délivrée le {dateFr(a.createdAt)} <p className={`fr-badge fr-badge--sm ${state.kind}`.trim()}>{state.label}</p>{' '}
                <a className="fr-link" href={`/demandes/${a.requestId}`}>voir la demande {a.requestId}</a>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>Aucune habilitation délivrée pour l’instant.</p>
      )}
    </Page>
  );
}
