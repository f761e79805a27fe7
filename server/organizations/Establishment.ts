/**
 * An establishment (établissement) of the Sirene registry, identified by its SIRET: what a request's organisation is.
 * The data comes from the public "Recherche d'entreprises" API (or its offline stand-in, see offlineDirectory.ts).
 */
export interface Establishment {
  /** 14 digits, normalized (no spaces). */
  siret: string;
  /** The legal unit's 9 digits (the SIRET's first nine). */
  siren: string;
  /**
   * The legal unit's full name as the registry shows it (`nom_complet`, e.g. "DIRECTION INTERMINISTERIELLE DU
   * NUMERIQUE (DINUM)"); for a secondary establishment with a trade name or sign, followed by " – " and that name.
   */
  name: string;
  /** The street part of the address ("20 AVENUE DE SEGUR"), without postal code and city; absent when Sirene has none. */
  address?: string;
  postalCode?: string;
  /** The commune's label ("PARIS 7", "CLAMART"). */
  city?: string;
  /** The INSEE legal category code (catégorie juridique, "7210" for a commune). */
  legalCategory?: string;
  /** Its label ("Commune et commune nouvelle"), when the code is in legalCategories.ts. */
  legalCategoryLabel?: string;
  /** The establishment's NAF/APE code ("84.11Z"), else the legal unit's. */
  nafCode?: string;
  /** True when the establishment is closed (`etat_administratif` "F") or its legal unit has ceased ("C"). */
  closed: boolean;
  /** The raw source record (one result of the search API, with the matching establishment), kept for webhooks. */
  inseePayload: Record<string, unknown>;
}

/** What a directory answers for a SIRET. `unavailable` covers every failure of the source (timeouts, errors, 429). */
export type DirectoryAnswer =
  | { kind: 'found'; establishment: Establishment }
  | { kind: 'not_found' }
  | { kind: 'unavailable'; reason: string };

/** Finds establishments by SIRET. Implementations never throw: failures are `unavailable` answers. */
export interface EstablishmentDirectory {
  /**
   * Looks a SIRET up. The input may contain spaces; an invalid SIRET (see checkSiret) is `not_found`
   * without asking the source.
   */
  lookup(siret: string): Promise<DirectoryAnswer>;
}

/** A closed establishment cannot start a request. */
export function canStartRequest(establishment: Establishment): boolean {
  return !establishment.closed;
}
