import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { TemplatesPage, type TemplatesPageProps } from '../../../../renderer/pages/instruction/TemplatesPage.js';
import type { AppContext } from '../../../AppContext.js';
import { deleteTemplate, findTemplate, saveTemplate, templatesOf } from '../../../db/repositories/messageTemplates.js';
import { TEMPLATE_EVENTS, TEMPLATE_VARIABLES, unknownVariables } from '../../../lifecycle/messageTemplate.js';
import { callerOf } from '../../caller.js';
import { notFound } from '../../HttpError.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { managedDefinitions } from './managedDefinitions.js';
import { parseRowId } from '../../../db/rowId.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Managers write the message templates their instructors pick when deciding. */
export function templateRoutes(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, extra: Pick<TemplatesPageProps, 'error' | 'notice'> = {}, status = 200) => {
    const definitions = managedDefinitions(callerOf(res), ctx.registry);
    const templates = await templatesOf(ctx.reads, definitions.map((d) => d.id));
    sendPage(
      res,
      createElement(TemplatesPage, {
        page: await pageContext(ctx, req, res),
        definitions: definitions.map((d) => ({ id: d.id, name: d.meta.name, templates: templates.filter((t) => t.definitionId === d.id) })),
        events: TEMPLATE_EVENTS,
        variables: TEMPLATE_VARIABLES,
        ...extra,
      }),
      status,
    );
  };

  router.get('/instruction/modeles', async (req, res) => show(req, res, req.query.fait === '1' ? { notice: 'Modèles enregistrés' } : {}));

  router.post('/instruction/modeles', async (req, res) => {
    const caller = callerOf(res);
    const managed = managedDefinitions(caller, ctx.registry);
    const values = { title: text(req.body?.title), event: text(req.body?.event), body: text(req.body?.body) };
    const formId = text(req.body?.formId);
    const definitionId = text(req.body?.definitionId);
    const id = parseRowId(text(req.body?.id));
    if (!managed.some((d) => d.id === definitionId)) throw notFound('Cette habilitation');
    if (id !== undefined && (await findTemplate(ctx.reads, id))?.definitionId !== definitionId) throw notFound('Ce modèle');
    const refuse = (message: string) => show(req, res, { error: { formId, message, values } }, 422);
    if (!values.title || !values.body) return refuse('Donnez un nom et un texte au modèle.');
    if (!(values.event in TEMPLATE_EVENTS)) return refuse('Choisissez la décision que ce modèle accompagne.');
    const unknown = unknownVariables(values.body);
    if (unknown.length) return refuse(`Variable inconnue : ${unknown.map((v) => `{{${v}}}`).join(', ')}. Variables possibles : ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{{${v}}}`).join(', ')}.`);
    await saveTemplate(ctx.db, { id, definitionId, ...values }, caller.userId, ctx.clock.now().toISOString());
    ctx.log.info({ userId: caller.userId, definitionId, template: values.title }, 'message template saved');
    res.redirect(303, '/instruction/modeles?fait=1');
  });

  router.post('/instruction/modeles/supprimer', async (req, res) => {
    const caller = callerOf(res);
    const managed = managedDefinitions(caller, ctx.registry);
    const templateId = parseRowId(text(req.body?.id));
    const template = templateId === undefined ? undefined : await findTemplate(ctx.reads, templateId);
    if (!template || !managed.some((d) => d.id === template.definitionId)) throw notFound('Ce modèle');
    await deleteTemplate(ctx.db, template.id);
    ctx.log.info({ userId: caller.userId, definitionId: template.definitionId, template: template.title }, 'message template deleted');
    res.redirect(303, '/instruction/modeles?fait=1');
  });

  return router;
}
