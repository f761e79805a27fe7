/**
 * The SIRETs of the offline dataset (offlineEstablishments.json), by role, for the seeds and the tests.
 * Every one is valid (Luhn, or La Poste's rule for `laPoste`) and found by the offline directory.
 *
 * Sources: `communeA`, `closed`, `departement` and `dinum` are real establishments whose data mirrors the INSEE
 * records DataPass keeps as test fixtures; `communeB`, `communeC`, `dila`, `laPosteHeadOffice` and `company` are
 * real SIRETs with addresses given from public knowledge; `dgfip` and `ministryHeadOffice` use the real SIREN of
 * the Ministère de l'Économie et des Finances (110020013) with NICs chosen for the demo, and `laPoste` is a La Poste
 * SIRET with an illustrative address: do not rely on those details outside demos.
 */
export const DEMO_SIRETS = {
  /** Commune de Clamart, town hall: the demo applicant's first organisation. */
  communeA: '21920023500014',
  /** Commune de Lyon, town hall: the demo applicant's second organisation. */
  communeB: '21690123100011',
  /** Commune de Poitiers, town hall: another applicant organisation. */
  communeC: '21860194600013',
  /** A closed establishment of the Commune de Clamart (a holiday camp closed in 2002): cannot start a request. */
  closed: '21920023500022',
  /** Département du Rhône. */
  departement: '22690001700014',
  /** A La Poste establishment whose SIRET passes only La Poste's rule (digit sum multiple of 5), not Luhn. */
  laPoste: '35600000049837',
  /** La Poste's head office (its SIRET passes Luhn). */
  laPosteHeadOffice: '35600000000048',
  /** DINUM: provider of API Particulier, API Entreprise and FranceConnect. */
  dinum: '13002526500013',
  /** DGFiP, an establishment of the Ministère de l'Économie et des Finances: provider of the DGFiP APIs. */
  dgfip: '11002001300097',
  /** The head office of the Ministère de l'Économie et des Finances. */
  ministryHeadOffice: '11002001300055',
  /** DILA (Direction de l'information légale et administrative), a central service of the State. */
  dila: '13000918600011',
  /** Entr'ouvert, a software editor (SCOP) for API Entreprise / API Particulier editor requests. */
  company: '44317013900036',
} as const;

export type DemoOrganizationRole = keyof typeof DEMO_SIRETS;
