import { CsrfField } from '../components/CsrfField.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

export interface DemoAccount {
  email: string;
  name: string;
  roles: string;
  organizations: string;
}

/**
 * Signing in: ProConnect when configured, and on the embedded default the demo accounts, one button each
 * (never in production: the app refuses to start with it).
 */
export function SignInPage({ page, proConnect, demoAccounts, returnTo }: { page: PageContext; proConnect: boolean; demoAccounts?: DemoAccount[] | undefined; returnTo: string }) {
  return (
    <Page page={page} title="Connexion">
      <h1>Se connecter à DataPass</h1>
      {proConnect ? (
        <div className="fr-connect-group fr-mb-6w">
          <a className="fr-btn fr-connect" href={`/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`}>
            <span className="fr-connect__login">S’identifier avec</span> <span className="fr-connect__brand">ProConnect</span>
          </a>
        </div>
      ) : null}
      {demoAccounts ? (
        <section aria-labelledby="titre-demo">
          <h2 id="titre-demo">Comptes de démonstration</h2>
          <p>Cette plateforme est une démonstration : choisissez un compte pour vous connecter sans mot de passe.</p>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Comptes de démonstration</caption>
              <thead>
                <tr>
                  <th scope="col">Compte</th>
                  <th scope="col">Rôles</th>
                  <th scope="col">Organisations</th>
                  <th scope="col"><span className="fr-sr-only">Connexion</span></th>
                </tr>
              </thead>
              <tbody>
                {demoAccounts.map((account) => (
                  <tr key={account.email}>
                    <td>
                      <strong>{account.name}</strong>
                      <br />
                      {account.email}
                    </td>
                    <td>{account.roles || 'Demandeur'}</td>
                    <td>{account.organizations || '—'}</td>
                    <td>
                      <form method="post" action="/auth/demo">
                        <CsrfField token={page.csrfToken} />
                        <input type="hidden" name="email" value={account.email} />
                        <input type="hidden" name="returnTo" value={returnTo} />
                        <button type="submit" className="fr-btn fr-btn--sm" title={`Se connecter en tant que ${account.name}`}>Se connecter</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {!proConnect && !demoAccounts ? <p>Aucun moyen de connexion n’est configuré sur cette plateforme.</p> : null}
    </Page>
  );
}
