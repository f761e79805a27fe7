/** A convention frozen with an authorization: where to download it and its fingerprint. */
export interface ConventionView {
  pdfHref: string;
  htmlHref: string;
  pdfSha256: string;
}

/** The links to an authorization's convention (PDF to download, HTML to read or print) and how to verify it. */
export function ConventionLinks({ authorizationId, convention }: { authorizationId: string; convention: ConventionView }) {
  return (
    <div className="fr-mb-2w">
      <p className="fr-mb-1w">
        <a className="fr-link fr-link--download" href={convention.pdfHref} download>
          Télécharger la convention <span className="fr-link__detail">PDF</span>
        </a>
      </p>
      <p className="fr-mb-1w">
        <a className="fr-link" href={convention.htmlHref} target="_blank" rel="noopener" title={`Convention de l’habilitation ${authorizationId}, version à imprimer – nouvelle fenêtre`}>
          Version à imprimer
        </a>
      </p>
      <p className="fr-text--xs fr-mb-0">
        Empreinte SHA-256 du PDF : <code className="datapass-hash">{convention.pdfSha256}</code> –{' '}
        <a className="fr-link fr-text--xs" href={`/conventions/verifier?empreinte=${convention.pdfSha256}`}>
          vérifier
        </a>
      </p>
    </div>
  );
}

/** The hrefs of an authorization's stored convention. */
export const conventionView = (authorizationPublicId: string, pdfSha256: string): ConventionView => ({
  pdfHref: `/habilitations/${authorizationPublicId}/convention.pdf`,
  htmlHref: `/habilitations/${authorizationPublicId}/convention.html`,
  pdfSha256,
});
