import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { ReviewPage, type ReviewPageProps } from '../../../../renderer/pages/instruction/ReviewPage.js';
import type { AppContext } from '../../../AppContext.js';
import { rolesOnRequest } from '../../../access/requestAccess.js';
import { denyAccess } from '../../../access/denyAccess.js';
import type { StoredRequest } from '../../../db/repositories/requests.js';
import { fireEvent } from '../../../lifecycle/fireEvent.js';
import { loadedDefinition } from '../../../lifecycle/loadedDefinition.js';
import { postMessage } from '../../../lifecycle/postMessage.js';
import { fillTemplate } from '../../../lifecycle/messageTemplate.js';
import { findTemplate } from '../../../db/repositories/messageTemplates.js';
import { findOrganization } from '../../../db/repositories/organizations.js';
import { transferTarget, type TransferTarget } from '../../../lifecycle/transferTarget.js';
import { callerOf } from '../../caller.js';
import { HttpError } from '../../HttpError.js';
import { visibleRequest } from '../../routes/requestRoutes.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { reviewPageView } from './reviewPageView.js';
import { fieldErrorOf } from '../fieldErrorOf.js';
import { textareaValue } from '../textareaValue.js';
import { requestTitle } from '../requestHeadView.js';

const PROVIDER_ROLES = ['instructor', 'reporter', 'manager', 'developer', 'admin'];

const NOTICES: Record<string, { kind: 'success'; title: string; text: string }> = {
  action: { kind: 'success', title: 'Décision enregistrée', text: 'Le demandeur en est prévenu par e-mail.' },
  message: { kind: 'success', title: 'Message envoyé', text: 'Le demandeur en est prévenu par e-mail.' },
};

const versionOf = (body: Record<string, unknown>) => (typeof body.version === 'string' && /^\d+$/.test(body.version) ? Number(body.version) : undefined);
const detailsOf = (error: HttpError) => error.errors.map((e) => e.detail).join(' ');

/** The review of one request by the people of its provider: read, decide, write to the applicant. */
export function reviewRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The request, for someone with a provider role on it; anyone else gets (and leaves a record of) a 404. */
  const reviewed = async (req: Request, res: Response): Promise<StoredRequest> => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, String(req.params.id));
    const roles = rolesOnRequest(caller, loadedDefinition(ctx, row.definitionId), row.organizationId);
    if (!PROVIDER_ROLES.some((r) => roles.has(r))) throw await denyAccess(ctx, caller, req, `review of request ${row.publicId} without a provider role`, 'Cette demande');
    return row;
  };

  const show = async (req: Request, res: Response, row: StoredRequest, notice?: ReviewPageProps['notice'], status = 200, refused?: ReviewPageProps['refused']) => {
    const definition = loadedDefinition(ctx, row.definitionId);
    sendPage(res, createElement(ReviewPage, { page: await pageContext(ctx, req, res), ...(await reviewPageView(ctx, callerOf(res), definition, row)), notice, refused }), status);
  };

  router.get('/instruction/demandes/:id', async (req, res) => {
    const row = await reviewed(req, res);
    await show(req, res, row, typeof req.query.fait === 'string' ? NOTICES[req.query.fait] : undefined);
  });

  router.post('/instruction/demandes/:id/evenements/:event', async (req, res) => {
    const row = await reviewed(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    let reason = textareaValue(body.reason) || undefined;
    // A template picked and nothing typed: the template, its variables filled in, is the reason.
    const template = !reason && typeof body.template === 'string' && /^\d+$/.test(body.template) ? await findTemplate(ctx.reads, Number(body.template)) : undefined;
    if (template && template.definitionId === row.definitionId && template.event === req.params.event) {
      const definition = loadedDefinition(ctx, row.definitionId);
      reason = fillTemplate(template.body, {
        lien: `${req.protocol}://${req.get('host')}/demandes/${row.publicId}`,
        numero: row.publicId,
        titre: requestTitle(row) ?? row.publicId,
        organisation: (await findOrganization(ctx.reads, row.organizationId))?.name ?? '',
        habilitation: definition.meta.name,
      });
    }
    // A transfer names its new applicant by e-mail and their organisation by SIRET.
    let to: TransferTarget | undefined;
    try {
      if (req.params.event === 'transfer') to = await transferTarget(ctx, callerOf(res), row, { email: body.email ?? '', siret: body.siret ?? '' }, '');
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      return show(req, res, row, { kind: 'error', title: 'Transfert impossible', text: detailsOf(error) }, error.status);
    }
    try {
      await fireEvent(ctx, callerOf(res), row.id, { type: req.params.event, version: versionOf(body), ...(reason ? { reason } : {}), ...(to ? { to } : {}) }, row);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      const refused = { form: req.params.event, text: textareaValue(body.reason), error: fieldErrorOf(error, ['/reason', '/message']) };
      return show(req, res, row, { kind: 'error', title: 'Décision non enregistrée', text: detailsOf(error) }, error.status, refused);
    }
    res.redirect(303, `/instruction/demandes/${row.publicId}?fait=action`);
  });

  router.post('/instruction/demandes/:id/messages', async (req, res) => {
    const row = await reviewed(req, res);
    try {
      await postMessage(ctx, callerOf(res), row, req.body?.body);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      const refused = { form: 'message', text: textareaValue(req.body?.body), error: fieldErrorOf(error, ['/body']) };
      return show(req, res, row, { kind: 'error', title: 'Message non envoyé', text: detailsOf(error) }, error.status, refused);
    }
    res.redirect(303, `/instruction/demandes/${row.publicId}?fait=message#titre-messages`);
  });

  return router;
}
