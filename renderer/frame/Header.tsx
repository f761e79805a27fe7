import type { PageContext } from './PageContext.js';

const NAV = [
  { href: '/catalogue', label: 'Catalogue des habilitations' },
  { href: '/demandes', label: 'Mes demandes' },
];
const DESK = { href: '/instruction', label: 'Instruction' };
const ADMIN = { href: '/admin', label: 'Administration' };

/** The DSFR header: Marianne block, the service's name, the current organisation with a way to switch, the navigation. */
export function Header({ page }: { page: PageContext }) {
  const tools = (
    <ul className="fr-btns-group">
      {page.user ? (
        <>
          {page.organization ? (
            <li>
              <a className="fr-btn fr-icon-building-line" href="/organisation" title={`Vous agissez pour ${page.organization.name} (SIRET ${page.organization.siret})${(page.organizationCount ?? 0) > 1 ? ' : changer d’organisation' : ''}`}>
                {page.organization.name}
              </a>
            </li>
          ) : (
            <li><a className="fr-btn fr-icon-building-line" href="/organisation">Choisir une organisation</a></li>
          )}
          <li><span className="fr-btn fr-icon-account-circle-line" aria-label={`Connecté : ${page.user.name}`}>{page.user.name}</span></li>
          <li>
            <form method="post" action={page.logoutAction}>
              <input type="hidden" name="_csrf" value={page.csrfToken} />
              <button type="submit" className="fr-btn fr-icon-logout-box-r-line">Se déconnecter</button>
            </form>
          </li>
        </>
      ) : (
        <li><a className="fr-btn fr-icon-lock-line" href="/connexion">Se connecter</a></li>
      )}
    </ul>
  );
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                <div className="fr-header__logo">
                  <p className="fr-logo">République<br />Française</p>
                </div>
                <div className="fr-header__navbar">
                  <button data-fr-opened="false" aria-controls="menu-principal" title="Menu" type="button" id="bouton-menu" className="fr-btn--menu fr-btn">Menu</button>
                </div>
              </div>
              <div className="fr-header__service">
                <a href="/" title="Accueil – DataPass">
                  <p className="fr-header__service-title">DataPass</p>
                </a>
                <p className="fr-header__service-tagline">Les habilitations aux données et services de l’administration</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">{tools}</div>
            </div>
          </div>
        </div>
      </div>
      <div className="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
        <div className="fr-container">
          <button aria-controls="menu-principal" title="Fermer" type="button" className="fr-btn--close fr-btn">Fermer</button>
          <div className="fr-header__menu-links" />
          <nav className="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
            <ul className="fr-nav__list">
              {[...NAV, ...(page.canInstruct ? [DESK] : []), ...(page.isAdmin ? [ADMIN] : [])].map((item) => (
                <li className="fr-nav__item" key={item.href}>
                  <a className="fr-nav__link" href={item.href} {...(page.path === item.href || page.path.startsWith(item.href + '/') ? { 'aria-current': 'page' as const } : {})}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
