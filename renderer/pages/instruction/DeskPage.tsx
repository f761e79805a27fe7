import { StateBadge } from '../../components/StateBadge.js';
import { dateFr } from '../../format/frenchDates.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface DeskRow {
  id: string;
  title: string | null;
  definitionName: string;
  organization: string;
  state: string;
  stateLabel: string;
  reopening: boolean;
  updatedAt: string;
}

export interface DeskPageProps {
  page: PageContext;
  filters: { q: string; definition: string; state: string; from: string; to: string; reopening: string };
  definitions: { id: string; name: string }[];
  states: { id: string; label: string }[];
  counts: { state: string; label: string; count: number }[] | undefined;
  rows: DeskRow[];
  /** The query string of the next page, if any. */
  next: string | null;
  /** A manager (or admin): links to the message templates and the team. */
  manages: boolean;
  /** A developer (or admin) of one of the definitions: links to its webhooks and API clients. */
  develops?: boolean;
}

/** The instruction desk: the requests of the actor's definitions, filtered and searched, newest activity first. */
export function DeskPage({ page, filters, definitions, states, counts, rows, next, manages, develops }: DeskPageProps) {
  return (
    <Page page={page} title="Instruction des demandes">
      <div className="datapass-page-head">
        <h1>Instruction des demandes</h1>
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          {manages ? (
            <>
              <li><a className="fr-btn fr-btn--secondary" href="/instruction/modeles">Modèles de messages</a></li>
              <li><a className="fr-btn fr-btn--secondary" href="/instruction/equipe">Équipe d’instruction</a></li>
            </>
          ) : null}
          {develops ? (
            <>
              <li><a className="fr-btn fr-btn--secondary" href="/webhooks">Webhooks</a></li>
              <li><a className="fr-btn fr-btn--secondary" href="/instruction/clients-api">Clients d’API</a></li>
            </>
          ) : null}
          <li><a className="fr-btn fr-btn--tertiary" href="/instruction/e-mails">Mes e-mails</a></li>
        </ul>
      </div>
      <form method="get" action="/instruction" className="fr-mb-4w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="q">
                Rechercher
                <span className="fr-hint-text">Numéro (D123, H456), SIRET, organisation, demandeur ou tout mot de la demande</span>
              </label>
              <input className="fr-input" type="search" id="q" name="q" defaultValue={filters.q} />
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="definition">Habilitation</label>
              <select className="fr-select" id="definition" name="definition" defaultValue={filters.definition}>
                <option value="">Toutes</option>
                {definitions.map((d) => (
                  <option key={d.id} value={d.id}>{d.name}</option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="state">État</label>
              <select className="fr-select" id="state" name="state" defaultValue={filters.state}>
                <option value="">Tous</option>
                {states.map((s) => (
                  <option key={s.id} value={s.id}>{s.label}</option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="from">Créée depuis le</label>
              <input className="fr-input" type="date" id="from" name="from" defaultValue={filters.from} />
            </div>
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="to">Créée jusqu’au</label>
              <input className="fr-input" type="date" id="to" name="to" defaultValue={filters.to} />
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="reopening">Mises à jour d’habilitation</label>
              <select className="fr-select" id="reopening" name="reopening" defaultValue={filters.reopening}>
                <option value="">Incluses</option>
                <option value="true">Seulement elles</option>
                <option value="false">Exclues</option>
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-3 datapass-align-end">
            <button type="submit" className="fr-btn">Filtrer</button>
          </div>
        </div>
      </form>
      {counts ? (
        <ul className="fr-tags-group fr-mb-2w" aria-label="Demandes par état">
          {counts.map((c) => (
            <li key={c.state}>
              <p className="fr-tag">{c.label} : {c.count.toLocaleString('fr-FR')}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length ? (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Demandes</caption>
            <thead>
              <tr>
                <th scope="col">Demande</th>
                <th scope="col">Organisation</th>
                <th scope="col">Habilitation</th>
                <th scope="col">État</th>
                <th scope="col">Dernière activité</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a className="fr-link" href={`/instruction/demandes/${r.id}`}>{r.id}</a>
                    {r.title ? <><br />{r.title}</> : null}
                  </td>
                  <td>{r.organization}</td>
                  <td>{r.definitionName}</td>
                  <td>
                    <StateBadge state={r.state} label={r.stateLabel} />
                    {r.reopening ? <p className="fr-badge fr-badge--sm fr-mt-1v">Mise à jour</p> : null}
                  </td>
                  <td>{dateFr(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucune demande ne correspond.</p>
      )}
      {next ? (
        <p>
          <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={`/instruction?${next}`}>Demandes suivantes</a>
        </p>
      ) : null}
    </Page>
  );
}
