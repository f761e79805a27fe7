import { CsrfField } from '../components/CsrfField.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

/** Choosing the organisation the user acts for: requests and lists follow it. */
export function OrganizationPage({ page, organizations, returnTo }: { page: PageContext; organizations: { id: number; name: string; siret: string; closed: boolean }[]; returnTo: string }) {
  return (
    <Page page={page} title="Choisir une organisation">
      <h1>Pour quelle organisation agissez-vous ?</h1>
      {organizations.length ? (
        <form method="post" action="/organisation">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <fieldset className="fr-fieldset" aria-labelledby="organisations-legende">
            <legend className="fr-fieldset__legend" id="organisations-legende">Vos organisations</legend>
            {organizations.map((o) => (
              <div className="fr-fieldset__element" key={o.id}>
                <div className="fr-radio-group">
                  <input type="radio" id={`organisation-${o.id}`} name="organizationId" value={o.id} defaultChecked={page.organization?.id === o.id} />
                  <label className="fr-label" htmlFor={`organisation-${o.id}`}>
                    {o.name}
                    <span className="fr-hint-text">SIRET {o.siret}{o.closed ? ' – établissement fermé' : ''}</span>
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="fr-btn">Agir pour cette organisation</button>
        </form>
      ) : (
        <p>Votre compte n’est rattaché à aucune organisation. Connectez-vous avec ProConnect depuis le compte de votre organisation pour y être rattaché.</p>
      )}
    </Page>
  );
}
