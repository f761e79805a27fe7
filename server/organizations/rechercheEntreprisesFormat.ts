/**
 * The response format of the "Recherche d'entreprises" API (`GET /search?q=<siret>`,
 * https://recherche-entreprises.api.gouv.fr) and its mapping to an Establishment. The offline dataset is stored in
 * the same format, so the API adapter and the offline directory share this mapping.
 *
 * A response is `{ results: [legal unit…], total_results, page, per_page, total_pages }`. A legal unit carries
 * `siren`, `nom_complet` (upper case, with the acronym in parentheses), `nature_juridique` (legal category code),
 * `activite_principale` (NAF), `etat_administratif` ("A" active, "C" ceased), its head office `siege` and, for a
 * direct SIRET search, `matching_etablissements` holding only the establishment searched for. An establishment
 * carries `siret`, `adresse` (street + postal code or CEDEX + commune, in one string), `code_postal`,
 * `libelle_commune`, `activite_principale`, `etat_administratif` ("A" active, "F" fermé), `est_siege`,
 * `nom_commercial`, `liste_enseignes`… The API's `etablissements` field (every establishment of the unit, only
 * with `include=etablissements`) is searched too: the offline dataset uses it.
 */
import type { DirectoryAnswer, Establishment } from './Establishment.js';
import { legalCategoryLabel } from './legalCategories.js';

/** An establishment as the API returns it (the fields this module reads; the API has more). */
export interface RechercheEntreprisesEtablissement {
  siret?: string | null;
  adresse?: string | null;
  code_postal?: string | null;
  commune?: string | null;
  libelle_commune?: string | null;
  activite_principale?: string | null;
  etat_administratif?: string | null;
  est_siege?: boolean | null;
  nom_commercial?: string | null;
  liste_enseignes?: string[] | null;
  [field: string]: unknown;
}

/** A legal unit, one item of `results` (the fields this module reads; the API has more). */
export interface RechercheEntreprisesResult {
  siren?: string | null;
  nom_complet?: string | null;
  nom_raison_sociale?: string | null;
  sigle?: string | null;
  nature_juridique?: string | null;
  activite_principale?: string | null;
  etat_administratif?: string | null;
  siege?: RechercheEntreprisesEtablissement | null;
  matching_etablissements?: RechercheEntreprisesEtablissement[] | null;
  etablissements?: RechercheEntreprisesEtablissement[] | null;
  [field: string]: unknown;
}

export interface RechercheEntreprisesResponse {
  results: RechercheEntreprisesResult[];
  total_results?: number;
  page?: number;
  per_page?: number;
  total_pages?: number;
  [field: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty trimmed string, or undefined. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function establishmentsOf(result: Record<string, unknown>): Record<string, unknown>[] {
  const candidates: unknown[] = [];
  if (Array.isArray(result.matching_etablissements)) candidates.push(...result.matching_etablissements);
  if (result.siege !== undefined) candidates.push(result.siege);
  if (Array.isArray(result.etablissements)) candidates.push(...result.etablissements);
  return candidates.filter(isRecord);
}

/**
 * The street part of the API's one-line address: what comes before the last "<5 digits> <letters…>" group
 * (postal code or CEDEX code, then the commune). "1 PLACE MAURICE GUNSBOURG 92141 CLAMART CEDEX" gives
 * "1 PLACE MAURICE GUNSBOURG"; "86270 COUSSAY-LES-BOIS" gives undefined.
 */
export function streetLine(adresse: unknown): string | undefined {
  const full = text(adresse);
  if (full === undefined) return undefined;
  let cut = -1;
  for (const match of full.matchAll(/(?:^|\s)\d{5}\s+\p{L}/gu)) cut = match.index;
  if (cut === -1) return full;
  return text(full.slice(0, cut));
}

/** The establishment's own name when it is not the head office: its trade name or first sign. */
function establishmentLabel(etablissement: Record<string, unknown>): string | undefined {
  if (etablissement.est_siege === true) return undefined;
  const signs = Array.isArray(etablissement.liste_enseignes) ? etablissement.liste_enseignes : [];
  return text(etablissement.nom_commercial) ?? signs.map(text).find((sign) => sign !== undefined);
}

/**
 * Maps a legal unit and one of its establishments to an Establishment. `inseePayload` is the unit's record with
 * `matching_etablissements` set to that establishment alone (the shape of a direct SIRET search).
 */
export function mapEstablishment(result: Record<string, unknown>, etablissement: Record<string, unknown>): Establishment {
  const siret = text(etablissement.siret) ?? '';
  const siren = text(result.siren) ?? siret.slice(0, 9);
  const unitName = text(result.nom_complet) ?? text(result.nom_raison_sociale) ?? siren;
  const label = establishmentLabel(etablissement);
  const name = label !== undefined && !unitName.toUpperCase().includes(label.toUpperCase()) ? `${unitName} – ${label}` : unitName;
  const legalCategory = text(result.nature_juridique);
  const { etablissements: _all, ...unit } = result;
  const establishment: Establishment = {
    siret,
    siren,
    name,
    closed: text(etablissement.etat_administratif) === 'F' || text(result.etat_administratif) === 'C',
    inseePayload: { ...unit, matching_etablissements: [etablissement] },
  };
  const optional: Partial<Establishment> = {
    address: streetLine(etablissement.adresse),
    postalCode: text(etablissement.code_postal),
    city: text(etablissement.libelle_commune),
    legalCategory,
    legalCategoryLabel: legalCategoryLabel(legalCategory),
    nafCode: text(etablissement.activite_principale) ?? text(result.activite_principale),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (establishment as unknown as Record<string, unknown>)[key] = value;
  }
  return establishment;
}

/**
 * Reads a search response (already parsed JSON) for one SIRET: `found` when a result holds an establishment with
 * exactly that SIRET (in `matching_etablissements`, `siege` or `etablissements`), `not_found` when none does
 * (`results: []` included), `unavailable` when the body is not a search response.
 */
export function mapSearchResponse(body: unknown, siret: string): DirectoryAnswer {
  if (!isRecord(body) || !Array.isArray(body.results)) {
    return { kind: 'unavailable', reason: 'unexpected response: no "results" array' };
  }
  for (const result of body.results) {
    if (!isRecord(result)) continue;
    const etablissement = establishmentsOf(result).find((candidate) => text(candidate.siret) === siret);
    if (etablissement !== undefined) return { kind: 'found', establishment: mapEstablishment(result, etablissement) };
  }
  return { kind: 'not_found' };
}
