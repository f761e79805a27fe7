import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface TeamPageProps {
  page: PageContext;
  definitions: { id: string; name: string; members: { email: string; name: string; role: string; roleLabel: string; removable: boolean }[] }[];
  roles: Record<string, string>;
  error?: { definitionId: string; message: string; email: string } | undefined;
  /** The longest e-mail address taken. */
  emailMaxLength: number;
  notice?: string | undefined;
}

/** A manager's team: who instructs or reports on each of their definitions; add by e-mail, remove. */
export function TeamPage({ page, definitions, roles, error, notice, emailMaxLength }: TeamPageProps) {
  return (
    <Page page={page} title="Équipe d’instruction">
      <Breadcrumb items={[{ label: 'Instruction', href: '/instruction' }, { label: 'Équipe d’instruction' }]} />
      <h1>Équipe d’instruction</h1>
      {notice ? <Alert kind="success" title={notice} /> : null}
      {definitions.map((d) => (
        <section key={d.id} className="fr-mt-4w" aria-labelledby={`equipe-${d.id}`}>
          <h2 id={`equipe-${d.id}`}>{d.name}</h2>
          {d.members.length ? (
            <div className="fr-table fr-table--no-caption">
              <table>
                <caption>Équipe de {d.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Personne</th>
                    <th scope="col">Rôle</th>
                    <th scope="col"><span className="fr-sr-only">Action</span></th>
                  </tr>
                </thead>
                <tbody>
                  {d.members.map((m) => (
                    <tr key={`${m.email}-${m.role}`}>
                      <td>{m.name}<br />{m.email}</td>
                      <td>{m.roleLabel}</td>
                      <td>
                        {m.removable ? (
                          <form method="post" action="/instruction/equipe/retirer">
                            <CsrfField token={page.csrfToken} />
                            <input type="hidden" name="definitionId" value={d.id} />
                            <input type="hidden" name="email" value={m.email} />
                            <input type="hidden" name="role" value={m.role} />
                            <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm" title={`Retirer le rôle ${m.roleLabel.toLowerCase()} à ${m.name}`}>Retirer</button>
                          </form>
                        ) : (
                          <span className="fr-text--sm">Rôle donné par un administrateur</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Personne n’instruit encore cette habilitation.</p>
          )}
          <form method="post" action="/instruction/equipe" className="fr-mt-2w">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="definitionId" value={d.id} />
            <div className={`fr-input-group ${error?.definitionId === d.id ? 'fr-input-group--error' : ''}`.trim()}>
              <label className="fr-label" htmlFor={`email-${d.id}`}>Adresse e-mail de la personne à ajouter</label>
              <input className="fr-input" type="email" id={`email-${d.id}`} name="email" required maxLength={emailMaxLength} defaultValue={error?.definitionId === d.id ? error.email : ''} {...(error?.definitionId === d.id ? { 'aria-describedby': `erreur-${d.id}` } : {})} />
              {error?.definitionId === d.id ? <p className="fr-error-text" id={`erreur-${d.id}`}>{error.message}</p> : null}
            </div>
            <div className="fr-select-group">
              <label className="fr-label" htmlFor={`role-${d.id}`}>Rôle</label>
              <select className="fr-select" id={`role-${d.id}`} name="role">
                {Object.entries(roles).map(([role, label]) => (
                  <option key={role} value={role}>{label}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="fr-btn fr-btn--secondary">Ajouter à l’équipe</button>
          </form>
        </section>
      ))}
    </Page>
  );
}
