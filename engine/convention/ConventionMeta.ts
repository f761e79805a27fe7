/** What a convention's PDF and HTML document show around its body: titles, parties and identifiers. */
export interface ConventionMeta {
  /** The document's title, e.g. "Convention d'accès aux données API Particulier". */
  title: string;
  definitionName: string;
  requestPublicId: string;
  authorizationPublicId?: string | undefined;
  organizationName: string;
  siret: string;
  /** ISO 8601 date of the convention: it dates the PDF, so that the same convention gives the same bytes. */
  date: string;
}

/** "Demande D1 · Habilitation H2": the identifiers every page carries. */
export function conventionIdentifiers(meta: Pick<ConventionMeta, 'requestPublicId' | 'authorizationPublicId'>): string {
  return `Demande ${meta.requestPublicId}${meta.authorizationPublicId ? ` · Habilitation ${meta.authorizationPublicId}` : ''}`;
}
