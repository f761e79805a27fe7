import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { TemplatesPage, type TemplateField, type TemplatesPageProps } from '../../../../renderer/pages/instruction/TemplatesPage.js';
import type { Definition } from '../../../../engine/index.js';
import type { AppContext } from '../../../AppContext.js';
import { deleteTemplate, findTemplate, saveTemplate, templatesOf } from '../../../db/repositories/messageTemplates.js';
import { TEMPLATE_EVENTS, TEMPLATE_VARIABLES, unknownVariables } from '../../../lifecycle/messageTemplate.js';
import { callerOf } from '../../caller.js';
import { notFound } from '../../HttpError.js';
import { TEXT_LIMITS, textTooLong } from '../../textLimits.js';
import { textareaValue } from '../textareaValue.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { managedDefinitions } from './managedDefinitions.js';
import { parseRowId } from '../../../db/rowId.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A template becomes the reason of its decision: it may be as long as the longest reason the definition's decisions take. */
const bodyMaxLength = (definition: Definition, event?: string) =>
  Math.max(...Object.keys(TEMPLATE_EVENTS).filter((e) => event === undefined || e === event).map((e) => definition.workflow.events[e]?.reasonMaxLength ?? 0));

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
        definitions: definitions.map((d) => ({ id: d.id, name: d.meta.name, bodyMaxLength: bodyMaxLength(d), templates: templates.filter((t) => t.definitionId === d.id) })),
        titleMaxLength: TEXT_LIMITS.templateTitle,
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
    const values = { title: text(req.body?.title), event: text(req.body?.event), body: textareaValue(req.body?.body) };
    const formId = text(req.body?.formId);
    const definitionId = text(req.body?.definitionId);
    const id = parseRowId(text(req.body?.id));
    const definition = managed.find((d) => d.id === definitionId);
    if (!definition) throw notFound('Cette habilitation');
    if (id !== undefined && (await findTemplate(ctx.reads, id))?.definitionId !== definitionId) throw notFound('Ce modèle');
    const refuse = (field: TemplateField, message: string) => show(req, res, { error: { formId, field, message, values } }, 422);
    if (!values.title) return refuse('title', 'Donnez un nom au modèle.');
    const titleTooLong = textTooLong('Le nom du modèle', values.title, TEXT_LIMITS.templateTitle);
    if (titleTooLong) return refuse('title', titleTooLong);
    if (!Object.hasOwn(TEMPLATE_EVENTS, values.event)) return refuse('event', 'Choisissez la décision que ce modèle accompagne.');
    if (!values.body) return refuse('body', 'Donnez un texte au modèle.');
    // Checked before the variables are searched, so that the search only ever reads a bounded text.
    const bodyTooLong = textTooLong('Le texte du modèle', values.body, bodyMaxLength(definition, values.event));
    if (bodyTooLong) return refuse('body', bodyTooLong);
    const unknown = unknownVariables(values.body);
    if (unknown.length) return refuse('body', `Variable inconnue : ${unknown.map((v) => `{{${v}}}`).join(', ')}. Variables possibles : ${Object.keys(TEMPLATE_VARIABLES).map((v) => `{{${v}}}`).join(', ')}.`);
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
