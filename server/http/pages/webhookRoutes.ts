import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';

/** Webhooks of a definition, managed by its developers and admins. */
export function webhookRoutes(_ctx: AppContext): Router {
  return Router();
}
