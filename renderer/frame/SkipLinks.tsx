/** DSFR skip links: the first thing a keyboard or screen reader user reaches. */
export function SkipLinks() {
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" role="navigation" aria-label="Accès rapide">
        <ul className="fr-skiplinks__list">
          <li><a className="fr-link" href="#contenu">Contenu</a></li>
          <li><a className="fr-link" href="#navigation-principale">Menu</a></li>
          <li><a className="fr-link" href="#pied-de-page">Pied de page</a></li>
        </ul>
      </nav>
    </div>
  );
}
