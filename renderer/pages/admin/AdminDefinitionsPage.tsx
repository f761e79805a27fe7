import { Breadcrumb } from '../../components/Breadcrumb.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

/** One folder of definitions/: its counts when it is loaded, its number of issues when it is not. */
export interface AdminDefinitionRow {
  id: string;
  loaded: boolean;
  issueCount: number;
  name?: string;
  provider?: string;
  kind?: 'api' | 'service';
  stage?: 'sandbox' | 'production';
  useCases?: number;
  scopes?: number;
  examples?: number;
}

const count = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('fr-FR'));

/** Every definition folder with its state, loaded or not, and what it declares. */
export function AdminDefinitionsPage({ page, root, rows }: { page: PageContext; root: string; rows: AdminDefinitionRow[] }) {
  const broken = rows.filter((r) => !r.loaded).length;
  return (
    <Page page={page} title="Définitions">
      <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, { label: 'Définitions' }]} />
      <h1>Définitions</h1>
      <p>
        Chaque dossier de <code>{root}</code>, tel que le serveur l’a chargé à son démarrage : {rows.length} dossier{rows.length > 1 ? 's' : ''},{' '}
        {broken ? `${broken} non chargé${broken > 1 ? 's' : ''} à cause d’anomalies` : 'tous chargés'}. Un dossier non chargé n’est proposé à personne ; ses anomalies disent quoi corriger.
      </p>
      <div className="fr-table">
        <table>
          <caption>Dossiers de définitions</caption>
          <thead>
            <tr>
              <th scope="col">Dossier</th>
              <th scope="col">État</th>
              <th scope="col">Nom</th>
              <th scope="col">Fournisseur</th>
              <th scope="col">Type</th>
              <th scope="col">Cas d’usage</th>
              <th scope="col">Données (périmètres)</th>
              <th scope="col">Exemples</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a className="fr-link" href={`/admin/definitions/${encodeURIComponent(r.id)}`}>{r.id}</a>
                </td>
                <td>
                  {r.loaded ? (
                    <p className="fr-badge fr-badge--sm fr-badge--success">Chargée</p>
                  ) : (
                    <p className="fr-badge fr-badge--sm fr-badge--error">
                      Non chargée : {r.issueCount} anomalie{r.issueCount > 1 ? 's' : ''}
                    </p>
                  )}
                </td>
                <td>{r.name ?? '—'}</td>
                <td>{r.provider ?? '—'}</td>
                <td>
                  {r.kind ? (r.kind === 'api' ? 'API' : 'Service') : '—'}
                  {r.stage ? ` (${r.stage === 'sandbox' ? 'bac à sable' : 'production'})` : ''}
                </td>
                <td>{count(r.useCases)}</td>
                <td>{count(r.scopes)}</td>
                <td>{count(r.examples)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
