import type { DirectoryAnswer, Establishment } from './Establishment.js';

/** French messages for the organisation step of a request (choosing or adding an organisation by SIRET). */
export const ORGANIZATION_MESSAGES = {
  notFound: "Aucun établissement ne correspond à ce numéro SIRET dans le répertoire Sirene : vérifiez le numéro sur votre avis de situation Sirene.",
  unavailable: 'Le répertoire des entreprises ne répond pas pour le moment : réessayez dans quelques minutes.',
  closed: "Cet établissement est fermé dans le répertoire Sirene : il ne peut pas déposer de demande d'habilitation.",
} as const;

/**
 * What stops an organisation from starting a request, as a French message, or undefined when it may:
 * an unknown SIRET, an unavailable directory, or a closed establishment.
 */
export function organizationProblem(answer: DirectoryAnswer): string | undefined {
  switch (answer.kind) {
    case 'not_found':
      return ORGANIZATION_MESSAGES.notFound;
    case 'unavailable':
      return ORGANIZATION_MESSAGES.unavailable;
    case 'found':
      return establishmentProblem(answer.establishment);
  }
}

/** The French message for an establishment that cannot start a request, or undefined. */
export function establishmentProblem(establishment: Establishment): string | undefined {
  return establishment.closed ? ORGANIZATION_MESSAGES.closed : undefined;
}
