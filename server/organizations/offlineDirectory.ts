/**
 * The offline establishment directory: a small dataset (offlineEstablishments.json) stored in the very format of
 * the "Recherche d'entreprises" API's search response, each legal unit listing all its establishments in
 * `etablissements`. A lookup builds the response the API would give for a direct SIRET search (the unit, with
 * `matching_etablissements` holding the establishment) and maps it with the API adapter's own code.
 * Used by the embedded default (ORGANIZATION_DIRECTORY=offline), the seeds and the tests; the SIRETs and their
 * roles are in demoOrganizations.ts.
 */
import { readFileSync } from 'node:fs';
import { checkSiret } from './checkSiret.js';
import type { DirectoryAnswer, EstablishmentDirectory } from './Establishment.js';
import { mapSearchResponse, type RechercheEntreprisesResponse, type RechercheEntreprisesResult } from './rechercheEntreprisesFormat.js';

const DATASET_URL = new URL('./offlineEstablishments.json', import.meta.url);

let dataset: RechercheEntreprisesResponse | undefined;

/** The bundled dataset, read once (a search response body: `{ results: [legal unit…] }`). */
export function offlineDataset(): RechercheEntreprisesResponse {
  dataset ??= JSON.parse(readFileSync(DATASET_URL, 'utf8')) as RechercheEntreprisesResponse;
  return dataset;
}

/** Every SIRET of a dataset (head offices and other establishments), in order, without duplicates. */
export function datasetSirets(results: readonly RechercheEntreprisesResult[] = offlineDataset().results): string[] {
  const sirets = new Set<string>();
  for (const unit of results) {
    for (const etablissement of [unit.siege, ...(unit.etablissements ?? [])]) {
      if (typeof etablissement?.siret === 'string') sirets.add(etablissement.siret);
    }
  }
  return [...sirets];
}

/** The API's answer to `GET /search?q=<siret>` according to the dataset. */
export function offlineSearch(results: readonly RechercheEntreprisesResult[], siret: string): RechercheEntreprisesResponse {
  const matches: RechercheEntreprisesResult[] = [];
  for (const { etablissements, ...unit } of results) {
    const etablissement = [unit.siege, ...(etablissements ?? [])].find((candidate) => candidate?.siret === siret);
    if (etablissement) matches.push({ ...unit, matching_etablissements: [etablissement] });
  }
  return { results: matches, total_results: matches.length, page: 1, per_page: 10, total_pages: matches.length > 0 ? 1 : 0 };
}

/**
 * A directory answering from `results` (the bundled dataset by default). Answers `found` or `not_found`, never
 * `unavailable`; an invalid SIRET is `not_found`.
 */
export function createOfflineDirectory(results: readonly RechercheEntreprisesResult[] = offlineDataset().results): EstablishmentDirectory {
  return {
    async lookup(input: string): Promise<DirectoryAnswer> {
      const check = checkSiret(input);
      if (!check.ok) return { kind: 'not_found' };
      return mapSearchResponse(offlineSearch(results, check.siret), check.siret);
    },
  };
}
