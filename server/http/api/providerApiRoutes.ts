import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';

/** The provider API under /api/v1 (OAuth2 client credentials), and its token endpoint. */
export function providerApiRoutes(_ctx: AppContext): Router {
  return Router();
}
