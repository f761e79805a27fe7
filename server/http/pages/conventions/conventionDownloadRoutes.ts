import { Router } from 'express';
import type { AppContext } from '../../../AppContext.js';
import { findAuthorization, parseAuthorizationId } from '../../../db/repositories/authorizations.js';
import { conventionContent, conventionOfAuthorization } from '../../../db/repositories/conventions.js';
import { callerOf } from '../../caller.js';
import { HttpError, notFound } from '../../HttpError.js';
import { visibleRequest } from '../../routes/requestRoutes.js';
import { conventionFormat, sendConventionDocument } from './sendConventionDocument.js';

/**
 * The convention frozen with an authorization, as stored at approval: for the applicants of its organisation,
 * the provider team of its definition and admins (anyone else: the same 404 as for a missing one).
 * `/habilitations/H12/convention.pdf` downloads it; `.html` shows it, ready to print.
 */
export function conventionDownloadRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/habilitations/:id/convention.:format', async (req, res) => {
    const caller = callerOf(res);
    const format = conventionFormat(req.params.format);
    const id = parseAuthorizationId(String(req.params.id));
    if (!format || id === undefined) throw notFound('Cette convention');
    const authorization = await findAuthorization(ctx.reads, id);
    if (!authorization) throw notFound('Cette convention');
    await visibleRequest(ctx, caller, req, String(authorization.requestId), 'Cette convention');
    const [stored, content] = await Promise.all([conventionOfAuthorization(ctx.reads, id), conventionContent(ctx.reads, id, format)]);
    if (!stored || content === undefined) {
      throw HttpError.of(404, 'CONVENTION_NOT_FOUND', 'No convention', `L’habilitation ${authorization.publicId} n’a pas de convention : le workflow de ce type d’habilitation n’en produit pas.`);
    }
    sendConventionDocument(res, format, content, {
      filename: `convention-${authorization.publicId}`,
      download: format === 'pdf',
      sha256: format === 'pdf' ? stored.pdfSha256 : stored.htmlSha256,
    });
  });
  return router;
}
