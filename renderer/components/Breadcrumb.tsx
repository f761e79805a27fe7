/** DSFR breadcrumb: the trail of pages above this one, the last one current. */
export function Breadcrumb({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
      <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">Voir le fil d’Ariane</button>
      <div className="fr-collapse" id="fil-ariane">
        <ol className="fr-breadcrumb__list">
          {items.map((item, i) => (
            <li key={i}>
              {item.href && i < items.length - 1 ? (
                <a className="fr-breadcrumb__link" href={item.href}>{item.label}</a>
              ) : (
                <a className="fr-breadcrumb__link" aria-current="page">{item.label}</a>
              )}
            </li>
          ))}
        </ol>
      </div>
    </nav>
  );
}
