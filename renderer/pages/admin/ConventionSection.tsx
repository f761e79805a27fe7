export interface ConventionPreview {
  /** The template the convention comes from, as a path in the repository. */
  template: string;
  /** True when the definition has no convention.hbs: the generic convention, built from the schema, is used. */
  generic: boolean;
  /** The valid examples, each previewable (their descriptions are in the Exemples section). */
  examples: { name: string }[];
}

const previewHref = (definitionId: string, example: string, format: 'html' | 'pdf') =>
  `/conventions/apercu/${encodeURIComponent(definitionId)}?exemple=${encodeURIComponent(example)}&format=${format}`;

/** The definition's convention, previewed with each valid example in HTML and PDF (nothing is stored). */
export function ConventionSection({ definitionId, preview }: { definitionId: string; preview: ConventionPreview }) {
  return (
    <section className="fr-mb-6w" aria-labelledby="convention">
      <h2 id="convention">Convention</h2>
      <p>
        {preview.generic ? (
          <>
            Cette définition n’a pas de <code>convention.hbs</code> : la convention générique, construite à partir du schéma (titres et valeurs, étape par étape), est utilisée.
          </>
        ) : (
          <>
            Modèle : <code>{preview.template}</code>, dans la mise en page commune de <code>templates/partials</code>.
          </>
        )}{' '}
        À la validation d’une demande, la convention est produite une fois et conservée avec l’habilitation.
      </p>
      {preview.examples.length ? (
        <ul>
          {preview.examples.map((example) => (
            <li key={example.name} className="fr-mb-1w">
              <strong>{example.name}</strong> :{' '}
              <a className="fr-link" href={previewHref(definitionId, example.name, 'html')} target="_blank" rel="noopener" title={`Aperçu HTML de la convention avec l’exemple ${example.name} – nouvelle fenêtre`}>
                aperçu HTML
              </a>
              ,{' '}
              <a className="fr-link" href={previewHref(definitionId, example.name, 'pdf')} target="_blank" rel="noopener" title={`Aperçu PDF de la convention avec l’exemple ${example.name} – nouvelle fenêtre`}>
                PDF
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun exemple valide : ajoutez-en un dans <code>examples/</code> pour prévisualiser la convention.</p>
      )}
    </section>
  );
}
