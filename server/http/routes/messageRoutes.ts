import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';
import { rolesOnRequest } from '../../access/requestAccess.js';
import { insertMessage, messagesOf } from '../../db/repositories/messages.js';
import { enqueue } from '../../db/repositories/outbox.js';
import { loadedDefinition } from '../../lifecycle/fireEvent.js';
import { callerOf } from '../caller.js';
import { HttpError } from '../HttpError.js';
import { visibleRequest } from './requestRoutes.js';

/** Messages between the applicant and the instructors of a request, when the definition enables messaging. */
export function messageRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/requests/:id/messages', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    res.json({ messages: (await messagesOf(ctx.reads, row.id)).map((m) => ({ ...m, requestId: row.publicId })) });
  });

  router.post('/api/requests/:id/messages', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const definition = loadedDefinition(ctx, row.definitionId);
    if (!definition.meta.features.messaging) {
      throw HttpError.of(422, 'MESSAGING_DISABLED', 'Messaging disabled', `La messagerie n’est pas ouverte pour « ${definition.meta.name} » : écrivez à ${definition.meta.support_email}.`);
    }
    const body = typeof req.body?.body === 'string' ? req.body.body.trim() : '';
    if (!body) throw HttpError.of(422, 'FIELD_REQUIRED', 'Required field', 'Écrivez votre message.', '/body');
    if (body.length > 10_000) throw HttpError.of(422, 'FIELD_INVALID', 'Invalid value', 'Le message ne doit pas dépasser 10 000 caractères.', '/body');
    const roles = rolesOnRequest(caller, definition, row.organizationId);
    const fromInstructor = roles.has('instructor') || roles.has('admin');
    if (!fromInstructor && !roles.has('applicant')) {
      throw HttpError.of(403, 'EVENT_FORBIDDEN', 'Forbidden', 'Seuls le demandeur et les instructeurs peuvent écrire sur cette demande.');
    }
    const at = ctx.clock.now().toISOString();
    const id = await ctx.db.transaction(async (tx) => {
      const messageId = await insertMessage(tx, { requestId: row.id, authorId: caller.userId, fromInstructor, body, createdAt: at });
      await enqueue(tx, { kind: 'email', requestId: row.id, payload: { event: 'message', roles: fromInstructor ? ['applicant'] : ['instructor', 'reporter'], template: 'message', messageId }, at });
      return messageId;
    });
    res.status(201).json({ message: { id, requestId: row.publicId, authorId: caller.userId, fromInstructor, body, createdAt: at } });
  });

  return router;
}
