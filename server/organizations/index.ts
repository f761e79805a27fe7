/** Organisations: establishments identified by SIRET, looked up in the Sirene registry. */
export { canStartRequest, type DirectoryAnswer, type Establishment, type EstablishmentDirectory } from './Establishment.js';
export { checkSiret, SIRET_MESSAGES, type SiretCheck } from './checkSiret.js';
export { createRechercheEntreprisesDirectory, searchUrl, RECHERCHE_ENTREPRISES_URL, type RechercheEntreprisesOptions } from './rechercheEntreprisesDirectory.js';
export {
  mapEstablishment,
  mapSearchResponse,
  streetLine,
  type RechercheEntreprisesEtablissement,
  type RechercheEntreprisesResponse,
  type RechercheEntreprisesResult,
} from './rechercheEntreprisesFormat.js';
export { createOfflineDirectory, datasetSirets, offlineDataset, offlineSearch } from './offlineDirectory.js';
export { cachedDirectory, type CachedDirectory, type CacheOptions } from './cachedDirectory.js';
export { directoryFromEnv } from './directoryFromEnv.js';
export { DEMO_SIRETS, type DemoOrganizationRole } from './demoOrganizations.js';
export { legalCategoryLabel, isPublicSectorCategory } from './legalCategories.js';
export { ORGANIZATION_MESSAGES, establishmentProblem, organizationProblem } from './organizationMessages.js';
