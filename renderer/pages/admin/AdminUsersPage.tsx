import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface AdminUserRow {
  id: number;
  name: string;
  email: string;
  roles: { role: string; description: string }[];
}

/** A change refused: on which user's form, what was typed, and why, in French. */
export interface RoleFormError {
  userId: number;
  action: 'add' | 'remove';
  role: string;
  message: string;
}

export interface AdminUsersPageProps {
  page: PageContext;
  query: string;
  users: AdminUserRow[];
  /** More users match than are shown. */
  more: boolean;
  /** Every role string that can be granted, suggested while typing. */
  suggestions: string[];
  error?: RoleFormError | undefined;
  notice?: { title: string; text: string } | undefined;
}

const fieldId = (userId: number) => `role-${userId}`;

/** The users with their roles, a search by e-mail or name, and for each user a form to add a role and a button per role to remove it. */
export function AdminUsersPage({ page, query, users, more, suggestions, error, notice }: AdminUsersPageProps) {
  return (
    <Page page={page} title={error ? 'Erreur – Utilisateurs et rôles' : 'Utilisateurs et rôles'}>
      <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, { label: 'Utilisateurs et rôles' }]} />
      {error ? (
        <Alert kind="error" title={error.action === 'add' ? 'Rôle non ajouté' : 'Rôle non retiré'} id="resultat">
          <p>
            <a href={`#${error.action === 'add' ? fieldId(error.userId) : `utilisateur-${error.userId}`}`}>{error.message}</a>
          </p>
        </Alert>
      ) : notice ? (
        <Alert kind="success" title={notice.title} id="resultat">
          <p>{notice.text}</p>
        </Alert>
      ) : null}
      <h1>Utilisateurs et rôles</h1>
      <p>
        Un rôle s’écrit <code>admin</code> ou <code>fournisseur:habilitation:rôle</code>, par exemple <code>dinum:api-particulier:instructor</code> ; <code>*</code> à la place de
        l’habilitation vaut pour toutes celles du fournisseur. Un changement s’applique dès la page suivante de l’utilisateur.
      </p>
      <form method="get" action="/admin/utilisateurs" role="search" className="fr-mb-4w">
        <div className="fr-search-bar" id="recherche-utilisateurs">
          <label className="fr-label" htmlFor="q">Rechercher un utilisateur par e-mail ou par nom</label>
          <input className="fr-input" placeholder="Ex. : camille, @dinum.gouv.fr" type="search" id="q" name="q" defaultValue={query} />
          <button className="fr-btn" title="Rechercher" type="submit">Rechercher</button>
        </div>
      </form>
      <p aria-live="polite">
        {users.length === 0 ? 'Aucun utilisateur ne correspond.' : `${users.length}${more ? ' premiers' : ''} utilisateur${users.length > 1 ? 's' : ''}${query ? ` pour « ${query} »` : ''}${more ? ' : précisez la recherche pour voir les autres.' : '.'}`}
        {query ? <> <a className="fr-link" href="/admin/utilisateurs">Voir tous les utilisateurs</a></> : null}
      </p>
      <datalist id="roles-possibles">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {users.length ? (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Utilisateurs et rôles</caption>
            <thead>
              <tr>
                <th scope="col">Utilisateur</th>
                <th scope="col">Rôles</th>
                <th scope="col">Ajouter un rôle</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const own = error?.userId === user.id ? error : undefined;
                return (
                  <tr key={user.id} id={`utilisateur-${user.id}`}>
                    <td>
                      <strong>{user.name}</strong>
                      <br />
                      {user.email}
                    </td>
                    <td>
                      {user.roles.length ? (
                        <ul className="datapass-plain-list">
                          {user.roles.map(({ role, description }) => (
                            <li key={role} className="fr-mb-1w">
                              <form method="post" action={`/admin/utilisateurs/${user.id}/roles/retirer`}>
                                <CsrfField token={page.csrfToken} />
                                <input type="hidden" name="role" value={role} />
                                <input type="hidden" name="q" value={query} />
                                <code>{role}</code>{' '}
                                <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left" title={`Retirer le rôle ${role} à ${user.name}`}>
                                  Retirer
                                </button>
                                <br />
                                <span className="fr-text--xs">{description}</span>
                              </form>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="fr-text--sm">Aucun rôle : demandeur seulement</span>
                      )}
                      {own?.action === 'remove' ? <p className="fr-error-text">{own.message}</p> : null}
                    </td>
                    <td>
                      <form method="post" action={`/admin/utilisateurs/${user.id}/roles`}>
                        <CsrfField token={page.csrfToken} />
                        <input type="hidden" name="q" value={query} />
                        <div className={`fr-input-group ${own?.action === 'add' ? 'fr-input-group--error' : ''}`.trim()}>
                          <label className="fr-label fr-sr-only" htmlFor={fieldId(user.id)}>
                            Rôle à ajouter à {user.name}
                          </label>
                          <div className="fr-input-wrap fr-input-wrap--addon">
                            <input
                              className={`fr-input ${own?.action === 'add' ? 'fr-input--error' : ''}`.trim()}
                              type="text"
                              id={fieldId(user.id)}
                              name="role"
                              list="roles-possibles"
                              placeholder="ex. : dinum:*:reporter"
                              autoComplete="off"
                              spellCheck={false}
                              defaultValue={own?.action === 'add' ? own.role : ''}
                              {...(own?.action === 'add' ? { 'aria-describedby': `${fieldId(user.id)}-erreur`, 'aria-invalid': true } : {})}
                            />
                            <button type="submit" className="fr-btn" title={`Ajouter ce rôle à ${user.name}`}>
                              Ajouter
                            </button>
                          </div>
                          {own?.action === 'add' ? (
                            <p className="fr-error-text" id={`${fieldId(user.id)}-erreur`}>
                              {own.message}
                            </p>
                          ) : null}
                        </div>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
