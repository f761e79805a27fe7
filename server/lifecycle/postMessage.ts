import type { AppContext, Caller } from '../AppContext.js';
import { rolesOnRequest } from '../access/requestAccess.js';
import { insertMessage, type Message } from '../db/repositories/messages.js';
import { enqueueEmails } from '../emails/enqueueEmails.js';
import type { StoredRequest } from '../db/repositories/requests.js';
import { HttpError } from '../http/HttpError.js';
import { TEXT_LIMITS, textTooLong } from '../http/textLimits.js';
import { loadedDefinition } from './loadedDefinition.js';

/**
 * A message on a request the caller may see, from its applicant or its instructors, when the definition
 * enables messaging; stored with the e-mail to the other side in the same transaction.
 */
export async function postMessage(ctx: AppContext, caller: Caller, row: StoredRequest, text: unknown): Promise<Message> {
  const definition = loadedDefinition(ctx, row.definitionId);
  if (!definition.meta.features.messaging) {
    throw HttpError.of(422, 'MESSAGING_DISABLED', 'Messaging disabled', `La messagerie n’est pas ouverte pour « ${definition.meta.name} » : écrivez à ${definition.meta.support_email}.`);
  }
  // Line breaks as `\n`: a page's textarea sends CRLF but counts one character for each in its maxlength.
  const body = typeof text === 'string' ? text.replace(/\r\n?/g, '\n').trim() : '';
  if (!body) throw HttpError.of(422, 'FIELD_REQUIRED', 'Required field', 'Écrivez votre message.', '/body');
  const tooLong = textTooLong('Le message', body, TEXT_LIMITS.message);
  if (tooLong) throw HttpError.of(422, 'TEXT_TOO_LONG', 'Text too long', tooLong, '/body');
  const roles = rolesOnRequest(caller, definition, row.organizationId);
  const fromInstructor = roles.has('instructor') || roles.has('admin');
  if (!fromInstructor && !roles.has('applicant')) {
    throw HttpError.of(403, 'EVENT_FORBIDDEN', 'Forbidden', 'Seuls le demandeur et les instructeurs peuvent écrire sur cette demande.');
  }
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction(async (tx) => {
    const messageId = await insertMessage(tx, { requestId: row.id, authorId: caller.userId, fromInstructor, body, createdAt: at });
    await enqueueEmails(tx, ctx, { requestId: row.id, eventId: undefined, definitionId: row.definitionId, event: 'message', roles: fromInstructor ? ['applicant'] : ['instructor', 'reporter'], template: 'message', at, actorId: caller.userId });
    return messageId;
  });
  return { id, requestId: row.id, authorId: caller.userId, fromInstructor, body, createdAt: at };
}
