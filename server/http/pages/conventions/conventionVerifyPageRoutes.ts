import { Router } from 'express';
import { createElement } from 'react';
import { VerifyConventionPage } from '../../../../renderer/pages/VerifyConventionPage.js';
import type { AppContext } from '../../../AppContext.js';
import { parseSha256, verifyConvention } from '../../../conventions/verifyConvention.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';

/** `/conventions/verifier[?empreinte=…]`: the verification page, for anyone. */
export function conventionVerifyPageRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/conventions/verifier', async (req, res) => {
    const asked = typeof req.query.empreinte === 'string' ? req.query.empreinte.slice(0, 200) : undefined;
    const sha256 = asked === undefined ? undefined : parseSha256(asked);
    const verification = sha256 ? await verifyConvention(ctx, sha256) : undefined;
    const result = asked === undefined ? undefined : !sha256 ? 'invalid' : verification?.genuine ? verification : 'unknown';
    res.setHeader('Cache-Control', 'no-store');
    sendPage(res, createElement(VerifyConventionPage, { page: await pageContext(ctx, req, res), asked, result }), result === 'invalid' ? 400 : result === 'unknown' ? 404 : 200);
  });
  return router;
}
