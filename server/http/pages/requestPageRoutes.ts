import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { allowedEvents, definitionTerms, formSchema, TERMS_KEY, type Definition } from '../../../engine/index.js';
import { stepUrl, summaryUrl } from '../../../renderer/client/StepIslandProps.js';
import { DashboardPage } from '../../../renderer/pages/DashboardPage.js';
import { RequestPage, type RequestPageProps } from '../../../renderer/pages/RequestPage.js';
import { StepPage } from '../../../renderer/pages/StepPage.js';
import { SummaryPage } from '../../../renderer/pages/SummaryPage.js';
import { summarizeStep } from '../../../renderer/summary/summarizeStep.js';
import type { AppContext, Caller } from '../../AppContext.js';
import { listAuthorizations } from '../../db/repositories/authorizations.js';
import { listRequests, pageCursor, parsePageCursor, type StoredRequest } from '../../db/repositories/requests.js';
import type { User } from '../../db/repositories/users.js';
import { createRequest, fireEvent } from '../../lifecycle/fireEvent.js';
import { loadedDefinition } from '../../lifecycle/loadedDefinition.js';
import { postMessage } from '../../lifecycle/postMessage.js';
import { actorOf, requestSnapshot } from '../../lifecycle/requestSnapshot.js';
import { callerOf } from '../caller.js';
import { HttpError, notFound } from '../HttpError.js';
import { requestSummary } from '../routes/requestView.js';
import { visibleRequest } from '../routes/requestRoutes.js';
import { pageContext } from './pageContext.js';
import { sendPage } from './sendPage.js';
import { stepIsland } from './stepIsland.js';
import { requestPageView } from './requestPageView.js';
import { fieldErrorOf } from './fieldErrorOf.js';
import { textareaValue } from './textareaValue.js';
import { visibleSteps } from './visibleSteps.js';

const NOTICES: Record<string, { kind: 'success'; title: string; text: string }> = {
  envoyee: { kind: 'success', title: 'Demande envoyée', text: 'Votre demande a été transmise à l’équipe d’instruction. Vous serez prévenu par e-mail de sa décision.' },
  message: { kind: 'success', title: 'Message envoyé', text: 'L’équipe d’instruction a été prévenue.' },
  action: { kind: 'success', title: 'C’est fait', text: 'La demande a été mise à jour.' },
};

const issuesOf = (error: HttpError) => error.errors.map((e) => ({ pointer: e.source?.pointer ?? '', message: e.detail }));
const versionOf = (body: Record<string, unknown>) => (typeof body.version === 'string' && /^\d+$/.test(body.version) ? Number(body.version) : undefined);

/** The applicant's pages: create, « Mes demandes », a request, its steps, its summary; and their forms. */
export function requestPageRoutes(ctx: AppContext): Router {
  const router = Router();

  const mayEdit = async (caller: Caller, definition: Definition, row: StoredRequest) =>
    allowedEvents(definition, await requestSnapshot(ctx.reads, row), actorOf(caller), ctx.clock.now()).some((e) => e.event === 'update');

  router.post('/demandes', async (req, res) => {
    const caller = callerOf(res);
    const definitionId = typeof req.body?.definitionId === 'string' ? req.body.definitionId : '';
    const useCaseId = typeof req.body?.useCaseId === 'string' ? req.body.useCaseId : undefined;
    const row = await createRequest(ctx, caller, { definitionId, useCaseId });
    const first = visibleSteps(loadedDefinition(ctx, row.definitionId), row.useCaseId)[0];
    res.redirect(303, first ? stepUrl(row.publicId, first.id) : summaryUrl(row.publicId));
  });

  router.get('/demandes', async (req, res) => {
    const caller = callerOf(res);
    const page = await pageContext(ctx, req, res);
    const after = typeof req.query.apres === 'string' ? parsePageCursor(req.query.apres) : undefined;
    const limit = 20;
    const rows = caller.organizationId === undefined ? [] : await listRequests(ctx.reads, { organizationId: caller.organizationId, limit, ...(after ? { after } : {}) });
    const authorizations = caller.organizationId === undefined ? [] : await listAuthorizations(ctx.reads, { organizationId: caller.organizationId });
    const editable = new Set(['draft', 'changes_requested']);
    sendPage(
      res,
      createElement(DashboardPage, {
        page,
        requests: rows.map((row) => {
          const summary = requestSummary(ctx, row);
          const definition = ctx.registry.definitions.get(row.definitionId);
          const first = definition && visibleSteps(definition, row.useCaseId)[0];
          const edit = editable.has(row.state) && first;
          return { ...summary, href: edit ? stepUrl(row.publicId, first.id) : `/demandes/${row.publicId}`, action: edit ? 'Continuer' : 'Voir' };
        }),
        next: rows.length === limit ? pageCursor(rows[rows.length - 1]!) : null,
        authorizations: authorizations.map((a) => ({ id: a.publicId, requestId: `D${a.requestId}`, definitionName: ctx.registry.definitions.get(a.definitionId)?.meta.name ?? a.definitionId, state: a.state, createdAt: a.createdAt })),
      }),
    );
  });

  const showRequest = async (req: Request, res: Response, row: StoredRequest, notice?: RequestPageProps['notice'], status = 200, refused?: RequestPageProps['refused']) => {
    const caller = callerOf(res);
    const definition = loadedDefinition(ctx, row.definitionId);
    sendPage(res, createElement(RequestPage, { page: await pageContext(ctx, req, res), ...(await requestPageView(ctx, caller, definition, row)), notice, refused }), status);
  };

  router.get('/demandes/:id', async (req, res) => {
    const row = await visibleRequest(ctx, callerOf(res), req, req.params.id);
    const notice = typeof req.query.fait === 'string' ? NOTICES[req.query.fait] : undefined;
    await showRequest(req, res, row, notice);
  });

  router.get('/demandes/:id/etapes/:step', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const definition = loadedDefinition(ctx, row.definitionId);
    if (!(await mayEdit(caller, definition, row))) return void res.redirect(303, `/demandes/${row.publicId}`);
    const steps = visibleSteps(definition, row.useCaseId);
    const stepIndex = steps.findIndex((s) => s.id === req.params.step);
    if (stepIndex < 0) throw notFound('Cette étape');
    const page = await pageContext(ctx, req, res);
    const useCase = definition.meta.use_cases.find((u) => u.id === row.useCaseId);
    sendPage(res, createElement(StepPage, { page, definitionName: definition.meta.name, useCaseTitle: useCase?.title, island: stepIsland(definition, row, res.locals.user as User, stepIndex, page.csrfToken, ctx.clock.now(), req.query.verifier !== undefined) }));
  });

  const showSummary = async (req: Request, res: Response, row: StoredRequest, issues: { pointer: string; message: string }[] = [], ticked?: Record<string, boolean>) => {
    const caller = callerOf(res);
    const definition = loadedDefinition(ctx, row.definitionId);
    const schema = formSchema(definition);
    const editable = await mayEdit(caller, definition, row);
    const current = (ticked ?? row.data[TERMS_KEY] ?? {}) as Record<string, unknown>;
    const canSubmit = allowedEvents(definition, await requestSnapshot(ctx.reads, row), actorOf(caller), ctx.clock.now()).some((e) => e.event === 'submit');
    sendPage(
      res,
      createElement(SummaryPage, {
        page: await pageContext(ctx, req, res),
        definitionName: definition.meta.name,
        request: { id: row.publicId, version: row.version, stateLabel: definition.workflow.states[row.state]?.label ?? row.state },
        steps: visibleSteps(definition, row.useCaseId).map((s) => ({ id: s.id, title: s.title, editable: editable && !s.inherited, section: summarizeStep(schema, definition.uiSchema, s.id, s.title, row.data) })),
        terms: definitionTerms(definition.schema, definition.meta).map((t) => ({ id: t.id, label: t.label, checked: current[t.id] === true })),
        canSubmit,
        issues,
      }),
      issues.length ? 422 : 200,
    );
  };

  router.get('/demandes/:id/recapitulatif', async (req, res) => {
    const row = await visibleRequest(ctx, callerOf(res), req, req.params.id);
    await showSummary(req, res, row);
  });

  router.post('/demandes/:id/soumettre', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const definition = loadedDefinition(ctx, row.definitionId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const terms = Object.fromEntries(definitionTerms(definition.schema, definition.meta).map((t) => [t.id, body[`terms[${t.id}]`] === 'on']));
    try {
      await fireEvent(ctx, caller, row.id, { type: 'submit', version: versionOf(body), data: { ...row.data, [TERMS_KEY]: terms } }, row);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      return showSummary(req, res, row, issuesOf(error), terms);
    }
    res.redirect(303, `/demandes/${row.publicId}?fait=envoyee`);
  });

  router.post('/demandes/:id/evenements/:event', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const reason = textareaValue(body.reason) || undefined;
    try {
      await fireEvent(ctx, caller, row.id, { type: req.params.event, version: versionOf(body), ...(reason ? { reason } : {}) }, row);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      const refused = { form: req.params.event, text: textareaValue(body.reason), error: fieldErrorOf(error, ['/reason', '/message']) };
      return showRequest(req, res, row, { kind: 'error', title: 'Action impossible', text: issuesOf(error).map((i) => i.message).join(' ') }, error.status, refused);
    }
    res.redirect(303, `/demandes/${row.publicId}?fait=action`);
  });

  router.post('/demandes/:id/messages', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id);
    try {
      await postMessage(ctx, caller, row, req.body?.body);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      const refused = { form: 'message', text: textareaValue(req.body?.body), error: fieldErrorOf(error, ['/body']) };
      return showRequest(req, res, row, { kind: 'error', title: 'Message non envoyé', text: issuesOf(error).map((i) => i.message).join(' ') }, error.status, refused);
    }
    res.redirect(303, `/demandes/${row.publicId}?fait=message#titre-messages`);
  });

  return router;
}
