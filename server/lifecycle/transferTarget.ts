import type { AppContext, Caller } from '../AppContext.js';
import { rolesOnRequest } from '../access/requestAccess.js';
import { findOrganizationBySiret, isMember } from '../db/repositories/organizations.js';
import type { StoredRequest } from '../db/repositories/requests.js';
import { findUserIdByEmail } from '../db/repositories/users.js';
import { HttpError } from '../http/HttpError.js';
import { checkSiret } from '../organizations/index.js';
import { loadedDefinition } from './loadedDefinition.js';

/** Where a transfer goes, as the engine's `transfer` effect reads it (ids as strings). */
export interface TransferTarget {
  userId?: string;
  organizationId?: string;
}

const invalid = (code: string, title: string, detail: string, pointer: string) => HttpError.of(422, code, title, detail, pointer);

/** The engine's words when an applicant names another organisation, said before anything is looked up. */
const WITHIN_ORGANIZATION =
  'Vous pouvez transférer la demande à un autre membre de votre organisation seulement : le transfert vers une autre organisation est fait par l’équipe instructrice, à qui vous pouvez l’écrire.';

/**
 * The new owner a transfer names, as people name them: the new applicant by e-mail (`email`) or, for a
 * colleague, by user id (`userId`), and another organisation by SIRET (`siret`), never by its internal id: ids
 * are sequential and guessable. The person must have an account and be a member of the organisation (they
 * signed in for it, which is when the Sirene directory vouched for it), and the organisation must not be
 * closed. Someone who may not move requests across organisations (the engine's `transfer` effect has the
 * last word) learns nothing of other organisations and accounts: one answer for an unknown address and a
 * non-member. `pointer` is where `to` is in the caller's input, for the errors.
 */
export async function transferTarget(ctx: AppContext, caller: Caller, row: StoredRequest, to: Record<string, unknown>, pointer = '/to'): Promise<TransferTarget> {
  const acrossOrganizations = rolesOnRequest(caller, loadedDefinition(ctx, row.definitionId), row.organizationId).has('instructor');
  if (to.organizationId !== undefined) {
    throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', 'Désignez l’organisation qui reçoit la demande par son numéro SIRET (siret), pas par un identifiant interne.', `${pointer}/organizationId`);
  }
  if (to.email !== undefined && to.userId !== undefined) {
    throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', 'Désignez le nouveau demandeur d’une seule façon : par son adresse e-mail (email) ou par son identifiant (userId).', pointer);
  }
  let organization: { id: number; name: string; siret: string } | undefined;
  if (to.siret !== undefined) {
    const siret = checkSiret(to.siret);
    if (!siret.ok) throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', siret.message, `${pointer}/siret`);
    const found = await findOrganizationBySiret(ctx.reads, siret.siret);
    if (found?.id !== row.organizationId && !acrossOrganizations) throw HttpError.of(403, 'TRANSFER_FORBIDDEN', 'Transfer to another organisation forbidden', WITHIN_ORGANIZATION, `${pointer}/siret`);
    if (!found) {
      throw invalid(
        'TRANSFER_ORGANIZATION_UNKNOWN',
        'Organisation unknown',
        `Aucune organisation de SIRET ${siret.siret} n’est connue de DataPass : le nouveau demandeur doit d’abord se connecter à DataPass pour cette organisation.`,
        `${pointer}/siret`,
      );
    }
    if (found.closed) {
      throw invalid('ORGANIZATION_CLOSED', 'Establishment closed', `L’établissement ${found.name} (SIRET ${found.siret}) est fermé d’après le répertoire Sirene : il ne peut pas recevoir de demande.`, `${pointer}/siret`);
    }
    if (found.id !== row.organizationId) organization = found;
  }
  const organizationId = organization?.id ?? row.organizationId;
  const where = organization ? `de ${organization.name} (SIRET ${organization.siret})` : 'de l’organisation de la demande';
  let userId: number | undefined;
  if (to.email !== undefined) {
    const email = typeof to.email === 'string' ? to.email.trim().toLowerCase() : '';
    const emailPointer = `${pointer}/email`;
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', 'Indiquez l’adresse e-mail du nouveau demandeur.', emailPointer);
    userId = await findUserIdByEmail(ctx.reads, email);
    const member = userId !== undefined && (await isMember(ctx.reads, userId, organizationId));
    // No invitation is sent: a request must not wait, owned by nobody, for someone who may never come.
    if (userId === undefined && acrossOrganizations) {
      throw invalid('TRANSFER_USER_UNKNOWN', 'No account with this address', `Aucun compte n’a l’adresse « ${email} » sur DataPass : la personne doit d’abord s’y connecter avec cette adresse.`, emailPointer);
    }
    if (!member) throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', `Aucun membre ${where} n’a l’adresse « ${email} » sur DataPass : la demande ne peut pas lui être transférée.`, emailPointer);
  } else if (to.userId !== undefined) {
    const id = typeof to.userId === 'number' ? String(to.userId) : to.userId;
    const userPointer = `${pointer}/userId`;
    if (typeof id !== 'string' || !/^\d{1,15}$/.test(id)) throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', 'L’identifiant du nouveau demandeur (userId) doit être un nombre.', userPointer);
    userId = Number(id);
    if (!(await isMember(ctx.reads, userId, organizationId))) {
      throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', `La personne choisie n’est pas membre ${where} sur DataPass : la demande ne peut pas lui être transférée.`, userPointer);
    }
  }
  if (userId === undefined) {
    // Without a new applicant, the current one would stay owner of a request of an organisation they may not belong to.
    throw invalid('TRANSFER_TARGET_INVALID', 'Transfer target invalid', 'Indiquez l’adresse e-mail du nouveau demandeur (email) et, pour une autre organisation, son SIRET (siret).', `${pointer}/email`);
  }
  return { userId: String(userId), ...(organization ? { organizationId: String(organization.id) } : {}) };
}
