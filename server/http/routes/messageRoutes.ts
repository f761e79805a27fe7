import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';
import { messagesOf } from '../../db/repositories/messages.js';
import { postMessage } from '../../lifecycle/postMessage.js';
import { callerOf } from '../caller.js';
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
    const message = await postMessage(ctx, caller, row, req.body?.body);
    res.status(201).json({ message: { ...message, requestId: row.publicId } });
  });

  return router;
}
