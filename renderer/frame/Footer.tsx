/** The DSFR footer: the State's block, what the service is, the mandatory links. */
export function Footer() {
  return (
    <footer className="fr-footer" role="contentinfo" id="pied-de-page">
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l’accueil du site – DataPass">
              <p className="fr-logo">République<br />Française</p>
            </a>
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              DataPass délivre les habilitations qui permettent aux administrations, aux collectivités et aux entreprises d’accéder aux données et services restreints de l’administration, dans le cadre des articles L114-8 et suivants du code des relations entre le public et l’administration.
            </p>
            <ul className="fr-footer__content-list">
              {[
                ['https://www.legifrance.gouv.fr', 'legifrance.gouv.fr'],
                ['https://www.info.gouv.fr', 'info.gouv.fr'],
                ['https://www.service-public.fr', 'service-public.fr'],
                ['https://www.data.gouv.fr', 'data.gouv.fr'],
              ].map(([href, label]) => (
                <li key={href}>
                  <a className="fr-footer__content-link" target="_blank" rel="noopener" href={href} title={`${label} – nouvelle fenêtre`}>{label}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            <li className="fr-footer__bottom-item"><a className="fr-footer__bottom-link" href="/accessibilite">Accessibilité : partiellement conforme</a></li>
          </ul>
          <div className="fr-footer__bottom-copy">
            <p>Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous licence etalab-2.0.</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
