import type { Effect } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { findOrganization, isMember } from '../db/repositories/organizations.js';
import { enqueue } from '../db/repositories/outbox.js';
import { findRequest } from '../db/repositories/requests.js';
import { insertTransfer } from '../db/repositories/transfers.js';
import { findUser, type User } from '../db/repositories/users.js';
import { emailChannel, type EmailPayload } from '../emails/enqueueEmails.js';
import { HttpError } from '../http/HttpError.js';

const nameOf = (u: User | undefined) => (u ? [u.givenName, u.familyName].filter(Boolean).join(' ') || u.email : 'une autre personne');

/**
 * The `transfer` effect, in the event's transaction: the new owner must still be a member of the organisation
 * (checked again here, where no concurrent change can slip in), the transfer is recorded beside its event for
 * the timeline, and the former applicant, when someone else moved the request, is told by e-mail. The new
 * applicant is told by the workflow's own `notify`.
 */
export async function recordTransfer(tx: Db, ctx: AppContext, requestId: number, effect: Extract<Effect, { type: 'transfer' }>, event: { id: number | undefined; actorId: number | undefined; at: string }): Promise<void> {
  const to = { userId: Number(effect.to.userId), organizationId: Number(effect.to.organizationId) };
  if (!(await isMember(tx, to.userId, to.organizationId))) {
    throw HttpError.of(422, 'TRANSFER_TARGET_INVALID', 'Transfer target invalid', 'La personne choisie n’est pas membre de l’organisation choisie : la demande ne peut pas lui être transférée.', '/to');
  }
  if (event.id === undefined) throw new Error('transfer without record_event: the workflow must record the event.');
  const from = { userId: Number(effect.from.userId), organizationId: Number(effect.from.organizationId) };
  await insertTransfer(tx, requestId, { eventId: event.id, fromUserId: from.userId, fromOrganizationId: from.organizationId, toUserId: to.userId, toOrganizationId: to.organizationId });
  if (from.userId === event.actorId || from.userId === to.userId) return;
  // One after the other: a transaction is one connection, which runs one query at a time.
  const request = await findRequest(tx, requestId);
  const former = await findUser(tx, from.userId);
  const newApplicant = await findUser(tx, to.userId);
  const formerOrganization = await findOrganization(tx, from.organizationId);
  const organization = await findOrganization(tx, to.organizationId);
  const definition = request && ctx.registry.definitions.get(request.definitionId);
  if (!request || !former || !definition) return;
  const title = (request.data.basic_infos as { intitule?: unknown } | undefined)?.intitule;
  const payload: EmailPayload = {
    to: former.email,
    template: 'transferred_away',
    definitionId: definition.id,
    locals: {
      recipientName: nameOf(former),
      requestId: request.publicId,
      requestTitle: typeof title === 'string' && title.trim() ? title.trim() : null,
      definitionName: definition.meta.name,
      supportEmail: definition.meta.support_email,
      formerOrganizationName: formerOrganization?.name ?? '',
      newApplicantName: nameOf(newApplicant),
      organizationName: organization?.name ?? '',
      organizationSiret: organization?.siret ?? '',
    },
  };
  await enqueue(tx, { kind: 'email', requestId, eventId: event.id, payload: { ...payload }, at: event.at, channel: emailChannel(former.email) });
}
