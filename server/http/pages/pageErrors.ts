import type { NextFunction, Request, Response } from 'express';
import { createElement } from 'react';
import { MessagePage } from '../../../renderer/pages/MessagePage.js';
import type { AppContext } from '../../AppContext.js';
import { clientErrorOf } from '../clientErrors.js';
import { pageContext } from './pageContext.js';
import { sendPage } from './sendPage.js';

const TITLES: Record<number, string> = { 400: 'Demande incorrecte', 403: 'Action refusée', 404: 'Page introuvable', 405: 'Action impossible', 409: 'Conflit', 413: 'Envoi trop volumineux', 415: 'Format refusé', 422: 'Action impossible', 429: 'Trop de requêtes' };

/** Is this a browser asking for a page (not the JSON API, not a file)? */
const wantsPage = (req: Request) => !req.path.startsWith('/api/') && !req.path.startsWith('/assets/') && !req.path.startsWith('/dsfr/') && req.accepts(['json', 'html']) === 'html';

/**
 * Errors of pages as pages, in the frame: sign-in asked for → the sign-in page, then back; anything else
 * with its French explanation. The JSON API keeps its `{ errors }` (the next handler).
 */
export function pageErrors(ctx: AppContext) {
  return async (error: unknown, req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!wantsPage(req) || res.headersSent) return next(error);
    const known = clientErrorOf(error);
    if (known?.status === 401) {
      return void res.redirect(303, `/connexion?retour=${encodeURIComponent(req.method === 'GET' ? req.originalUrl : req.path)}`);
    }
    const status = known?.status ?? 500;
    if (status >= 500) ctx.log.error({ err: error, method: req.method, path: req.originalUrl }, 'unexpected error');
    try {
      const text = known ? known.errors.map((e) => e.detail).join(' ') : 'Une erreur inattendue est survenue ; elle a été enregistrée. Réessayez dans un instant.';
      sendPage(
        res,
        createElement(MessagePage, { page: await pageContext(ctx, req, res), title: TITLES[status] ?? 'Erreur' }, createElement('p', null, text), createElement('p', null, createElement('a', { href: '/demandes', className: 'fr-link' }, 'Revenir à mes demandes'))),
        status,
      );
    } catch (renderError) {
      next(renderError);
    }
  };
}
