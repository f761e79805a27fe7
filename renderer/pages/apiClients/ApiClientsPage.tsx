import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { CsrfField } from '../../components/CsrfField.js';
import { dateTimeFr } from '../../format/frenchDates.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface ApiClientRow {
  id: number;
  name: string;
  clientId: string;
  createdAt: string;
  createdBy?: string | undefined;
  revokedAt?: string | undefined;
}

export interface ApiClientsPageProps {
  page: PageContext;
  definition: { id: string; name: string };
  clients: ApiClientRow[];
  /** Just created: the only time its secret is shown. */
  created?: { name: string; clientId: string; secret: string } | undefined;
  error?: { message: string; name: string } | undefined;
  notice?: string | undefined;
}

const BASE = '/instruction/clients-api';

/** The API clients of one definition: its developers create them (the secret shown once) and revoke them. */
export function ApiClientsPage({ page, definition, clients, created, error, notice }: ApiClientsPageProps) {
  return (
    <Page page={page} title={`Clients de l’API — ${definition.name}`}>
      <Breadcrumb items={[{ label: 'Instruction', href: '/instruction' }, { label: 'Clients de l’API', href: BASE }, { label: definition.name }]} />
      <h1>Clients de l’API — {definition.name}</h1>
      {notice ? <Alert kind="success" title={notice} /> : null}
      {created ? (
        <Alert kind="warning" title={`Client « ${created.name} » créé : copiez son secret maintenant`} id="secret">
          <p>Le secret ne sera plus jamais affiché. S’il est perdu, révoquez ce client et créez-en un autre.</p>
          <dl>
            <dt>Identifiant (client_id)</dt>
            <dd><code id="client-id">{created.clientId}</code></dd>
            <dt>Secret (client_secret)</dt>
            <dd><code id="client-secret">{created.secret}</code></dd>
          </dl>
        </Alert>
      ) : null}
      <p>
        Un client de l’API lit les demandes et les habilitations de « {definition.name} » et peut corriger les données d’une demande en brouillon.
        Il obtient un jeton d’accès d’une heure sur <code>/api/v1/oauth/token</code> (OAuth2, <i lang="en">client credentials</i>) ; la documentation est sur{' '}
        <a className="fr-link" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {clients.length ? (
        <div className="fr-table">
          <table>
            <caption>Clients de l’API</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Identifiant</th>
                <th scope="col">Créé</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td><code>{c.clientId}</code></td>
                  <td>{dateTimeFr(c.createdAt)}{c.createdBy ? ` par ${c.createdBy}` : ''}</td>
                  <td>{c.revokedAt ? `Révoqué le ${dateTimeFr(c.revokedAt)}` : 'Actif'}</td>
                  <td>
                    {c.revokedAt ? null : (
                      <form method="post" action={`${BASE}/${definition.id}/revoquer`}>
                        <CsrfField token={page.csrfToken} />
                        <input type="hidden" name="id" value={c.id} />
                        <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm">Révoquer « {c.name} »</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun client de l’API pour l’instant.</p>
      )}
      <h2 className="fr-mt-6w">Nouveau client</h2>
      <form method="post" action={`${BASE}/${definition.id}`}>
        <CsrfField token={page.csrfToken} />
        <div className={`fr-input-group ${error ? 'fr-input-group--error' : ''}`.trim()}>
          <label className="fr-label" htmlFor="nom-client">
            Nom du client
            <span className="fr-hint-text">Pour le reconnaître : l’application ou l’équipe qui l’utilise.</span>
          </label>
          <input className={`fr-input ${error ? 'fr-input--error' : ''}`.trim()} id="nom-client" name="name" defaultValue={error?.name ?? ''} required maxLength={255} {...(error ? { 'aria-describedby': 'nom-client-erreur' } : {})} />
          {error ? <p className="fr-error-text" id="nom-client-erreur">{error.message}</p> : null}
        </div>
        <button type="submit" className="fr-btn">Créer le client</button>
      </form>
    </Page>
  );
}

/** The definitions whose API clients the user manages. */
export function ApiClientDefinitionsPage({ page, definitions }: { page: PageContext; definitions: { id: string; name: string; active: number }[] }) {
  return (
    <Page page={page} title="Clients de l’API">
      <Breadcrumb items={[{ label: 'Instruction', href: '/instruction' }, { label: 'Clients de l’API' }]} />
      <h1>Clients de l’API</h1>
      <ul>
        {definitions.map((d) => (
          <li key={d.id}>
            <a className="fr-link" href={`${BASE}/${d.id}`}>{d.name}</a>{` (${d.active === 0 ? 'aucun client actif' : d.active === 1 ? '1 client actif' : `${d.active} clients actifs`})`}
          </li>
        ))}
      </ul>
    </Page>
  );
}
