import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';

/** The mailbox of the embedded default (`/admin/emails`) and people's e-mail preferences. */
export function emailRoutes(_ctx: AppContext): Router {
  return Router();
}
