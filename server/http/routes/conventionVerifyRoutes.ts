import { Router } from 'express';
import type { AppContext } from '../../AppContext.js';
import { parseSha256, verifyConvention } from '../../conventions/verifyConvention.js';
import { HttpError } from '../HttpError.js';

/**
 * `GET /conventions/verify/{sha256}`, for anyone, signed in or not: 200 with the authorization a genuine
 * convention (HTML or PDF, exactly as issued) belongs to; 404 `genuine: false` for any other document.
 */
export function conventionVerifyRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/conventions/verify/:sha256', async (req, res) => {
    const sha256 = parseSha256(req.params.sha256);
    if (!sha256) {
      throw HttpError.of(400, 'SHA256_INVALID', 'Invalid SHA-256', `« ${String(req.params.sha256).slice(0, 80)} » n’est pas une empreinte SHA-256 : attendu 64 chiffres hexadécimaux (sha256sum convention.pdf).`);
    }
    const verification = await verifyConvention(ctx, sha256);
    res.setHeader('Cache-Control', 'no-store');
    if (!verification.genuine) {
      res.status(404).json({
        genuine: false,
        sha256,
        errors: [{ code: 'CONVENTION_UNKNOWN', title: 'Unknown document', detail: 'Aucune convention délivrée par la plateforme n’a cette empreinte : le document a été modifié, ou il ne vient pas de DataPass.', source: { parameter: 'sha256' } }],
      });
      return;
    }
    const { authorization, request, definition, organization, format, issuedAt } = verification;
    res.json({
      genuine: true,
      sha256,
      format,
      issued_at: issuedAt,
      authorization: { id: authorization.id, state: authorization.state, created_at: authorization.createdAt, ...(authorization.obsoletedAt ? { obsoleted_at: authorization.obsoletedAt } : {}), ...(authorization.revokedAt ? { revoked_at: authorization.revokedAt } : {}) },
      request: { id: request.id },
      definition,
      organization,
    });
  });
  return router;
}
