import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { actorRoles, type Definition } from '../../../engine/index.js';
import { WebhookDefinitionsPage } from '../../../renderer/pages/webhooks/WebhookDefinitionsPage.js';
import { WebhooksPage, type WebhooksPageProps } from '../../../renderer/pages/webhooks/WebhooksPage.js';
import type { AppContext, Caller } from '../../AppContext.js';
import { denyAccess } from '../../access/denyAccess.js';
import { waitingCounts } from '../../db/repositories/outbox.js';
import { findAttempt, findWebhook, insertWebhook, recentAttempts, updateWebhook, webhookCounts, webhooksOf, type Webhook } from '../../db/repositories/webhooks.js';
import { actorOf } from '../../lifecycle/requestSnapshot.js';
import { activateWebhook } from '../../webhooks/activateWebhook.js';
import { webhookChannel } from '../../webhooks/enqueueWebhooks.js';
import { removeWebhook } from '../../webhooks/removeWebhook.js';
import { replayAttempt } from '../../webhooks/replayAttempt.js';
import { testWebhook } from '../../webhooks/testWebhook.js';
import { webhookEvents } from '../../webhooks/webhookEvents.js';
import { newWebhookSecret } from '../../webhooks/webhookSignature.js';
import { networkPolicyOf } from '../../webhooks/webhookNetworkPolicy.js';
import { webhookTarget } from '../../webhooks/webhookTarget.js';
import { WEBHOOK_URL_MAX_LENGTH, webhookUrlProblem } from '../../webhooks/webhookUrl.js';
import { parseRowId } from '../../db/rowId.js';
import { callerOf } from '../caller.js';
import { pageContext } from './pageContext.js';
import { sendPage } from './sendPage.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** Developers of a definition (provider wildcard included) and admins manage its webhooks. */
function managesWebhooks(caller: Caller, definition: Definition): boolean {
  const { organizationId: _organization, ...actor } = actorOf(caller);
  const roles = actorRoles(definition, null, actor);
  return roles.has('developer') || roles.has('admin');
}

const NOTICES: Record<string, string> = {
  active: 'Webhook activé',
  inactif: 'Webhook désactivé',
  supprime: 'Webhook supprimé',
  rejoue: 'Appel remis en file d’envoi',
  teste: 'Test réussi : le webhook peut être activé',
};

/** Webhooks of a definition, managed by its developers and admins; anyone else gets a 404 (recorded). */
export function webhookRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The definition of the route, or a 404 for whoever does not manage its webhooks. */
  const managed = async (req: Request, res: Response): Promise<Definition> => {
    const caller = callerOf(res);
    const definition = ctx.registry.definitions.get(String(req.params.definitionId));
    if (!definition || !managesWebhooks(caller, definition)) throw await denyAccess(ctx, caller, req, 'not a developer of the definition', 'Cette page');
    return definition;
  };

  /** The webhook of the route, of that definition, or a 404. */
  const webhookOf = async (req: Request, res: Response): Promise<{ definition: Definition; webhook: Webhook }> => {
    const definition = await managed(req, res);
    const id = parseRowId(req.params.webhookId);
    const webhook = id !== undefined ? await findWebhook(ctx.db, id) : undefined;
    if (!webhook || webhook.definitionId !== definition.id) throw await denyAccess(ctx, callerOf(res), req, 'webhook of another definition or unknown', 'Ce webhook');
    return { definition, webhook };
  };

  const show = async (req: Request, res: Response, definition: Definition, extra: Pick<WebhooksPageProps, 'secret' | 'notice' | 'error'> = {}, status = 200) => {
    // The writer, not the read pool: the page right after an action must show it.
    const webhooks = await webhooksOf(ctx.db, definition.id);
    const attempts = await recentAttempts(ctx.db, webhooks.map((w) => w.id));
    const waiting = await waitingCounts(ctx.db, webhooks.map((w) => webhookChannel(w.id)));
    sendPage(
      res,
      createElement(WebhooksPage, {
        page: await pageContext(ctx, req, res),
        definition: { id: definition.id, name: definition.meta.name },
        events: webhookEvents(definition),
        webhooks: webhooks.map(({ secret: _secret, createdBy: _by, updatedAt: _updated, ...w }) => ({ ...w, waiting: waiting.get(webhookChannel(w.id)) ?? 0 })),
        attempts: attempts.map((a) => ({ ...a, replayable: a.notificationId !== undefined })),
        ...extra,
      }),
      status,
    );
  };
  const done = (res: Response, definition: Definition, notice: keyof typeof NOTICES) => res.redirect(303, `/webhooks/${encodeURIComponent(definition.id)}?fait=${notice}`);

  router.get('/webhooks', async (req, res) => {
    const caller = callerOf(res);
    const definitions = [...ctx.registry.definitions.values()].filter((d) => managesWebhooks(caller, d)).sort((a, b) => a.meta.name.localeCompare(b.meta.name, 'fr'));
    if (!definitions.length) throw await denyAccess(ctx, caller, req, 'not a developer of any definition', 'Cette page');
    const counts = await webhookCounts(ctx.reads, definitions.map((d) => d.id));
    sendPage(res, createElement(WebhookDefinitionsPage, { page: await pageContext(ctx, req, res), definitions: definitions.map((d) => ({ id: d.id, name: d.meta.name, ...(counts.get(d.id) ?? { webhooks: 0, enabled: 0 }) })) }));
  });

  router.get('/webhooks/:definitionId', async (req, res) => {
    const definition = await managed(req, res);
    const released = text(req.query.fait) === 'active' && /^[1-9]\d{0,8}$/.test(text(req.query.envoyes)) ? Number(text(req.query.envoyes)) : 0;
    const notice = released ? `Webhook activé : ${released} appel${released > 1 ? 's' : ''} en attente ${released > 1 ? 'sont envoyés' : 'est envoyé'} dans l’ordre` : NOTICES[text(req.query.fait)];
    await show(req, res, definition, notice ? { notice } : {});
  });

  router.post('/webhooks/:definitionId', async (req, res) => {
    const definition = await managed(req, res);
    const caller = callerOf(res);
    const url = text(req.body?.url);
    const events = [...new Set(list(req.body?.events))];
    const known = webhookEvents(definition).map((e) => e.event);
    const refuse = (message: string) => show(req, res, definition, { error: { message, values: { url, events } } }, 422);
    if (url.length > WEBHOOK_URL_MAX_LENGTH) return refuse(`Adresse appelée : ${url.length.toLocaleString('fr-FR')} caractères, ${WEBHOOK_URL_MAX_LENGTH.toLocaleString('fr-FR')} au plus.`);
    const urlProblem = webhookUrlProblem(url);
    if (urlProblem) return refuse(urlProblem);
    // Checked again at each call: the name may resolve elsewhere later (DNS rebinding).
    const target = await webhookTarget(url, networkPolicyOf(ctx));
    if (!target.ok) return refuse(target.problem);
    if (!events.length) return refuse('Choisissez au moins un événement.');
    const unknown = events.filter((e) => !known.includes(e));
    if (unknown.length) return refuse(`Événement inconnu : ${unknown.join(', ')}. Événements possibles : ${known.join(', ')}.`);
    const secret = newWebhookSecret();
    const id = await insertWebhook(ctx.db, { definitionId: definition.id, url, events: known.filter((e) => events.includes(e)), secret, createdBy: caller.userId, at: ctx.clock.now().toISOString() });
    ctx.log.info({ userId: caller.userId, definitionId: definition.id, webhookId: id, url }, 'webhook created');
    // Answered here rather than redirected: the secret is shown in this response only, never stored in a session.
    await show(req, res, definition, { secret: { webhookId: id, value: secret }, notice: 'Webhook créé : testez-le, puis activez-le' }, 201);
  });

  router.post('/webhooks/:definitionId/:webhookId/tester', async (req, res) => {
    const { definition, webhook } = await webhookOf(req, res);
    const result = await testWebhook(ctx, webhook);
    if (result.ok) return done(res, definition, 'teste');
    const what = result.statusCode !== undefined ? `réponse HTTP ${result.statusCode}` : (result.error ?? 'échec');
    await show(req, res, definition, { error: { webhookId: webhook.id, message: `Le test de ${webhook.url} a échoué (${what}). Le webhook doit répondre 200, 201 ou 204 et vérifier la signature.` } }, 422);
  });

  router.post('/webhooks/:definitionId/:webhookId/activer', async (req, res) => {
    const { definition, webhook } = await webhookOf(req, res);
    if (!webhook.testedAt) {
      return show(req, res, definition, { error: { webhookId: webhook.id, message: `Testez d’abord ${webhook.url} : un webhook ne peut être activé qu’après un test réussi.` } }, 422);
    }
    const released = await activateWebhook(ctx, webhook);
    ctx.log.info({ userId: callerOf(res).userId, webhookId: webhook.id, released }, 'webhook enabled');
    if (!released) return done(res, definition, 'active');
    res.redirect(303, `/webhooks/${encodeURIComponent(definition.id)}?fait=active&envoyes=${released}`);
  });

  router.post('/webhooks/:definitionId/:webhookId/desactiver', async (req, res) => {
    const { definition, webhook } = await webhookOf(req, res);
    await updateWebhook(ctx.db, webhook.id, { enabled: false }, ctx.clock.now().toISOString());
    ctx.log.info({ userId: callerOf(res).userId, webhookId: webhook.id }, 'webhook disabled');
    done(res, definition, 'inactif');
  });

  router.post('/webhooks/:definitionId/:webhookId/secret', async (req, res) => {
    const { definition, webhook } = await webhookOf(req, res);
    const secret = newWebhookSecret();
    await updateWebhook(ctx.db, webhook.id, { secret }, ctx.clock.now().toISOString());
    ctx.log.info({ userId: callerOf(res).userId, webhookId: webhook.id }, 'webhook secret regenerated');
    await show(req, res, definition, { secret: { webhookId: webhook.id, value: secret }, notice: 'Nouveau secret généré : l’ancien ne signe plus les appels' });
  });

  router.post('/webhooks/:definitionId/:webhookId/supprimer', async (req, res) => {
    const { definition, webhook } = await webhookOf(req, res);
    const abandoned = await removeWebhook(ctx, webhook);
    ctx.log.info({ userId: callerOf(res).userId, webhookId: webhook.id, url: webhook.url, abandoned }, 'webhook deleted');
    done(res, definition, 'supprime');
  });

  router.post('/webhooks/:definitionId/appels/:attemptId/rejouer', async (req, res) => {
    const definition = await managed(req, res);
    const attemptId = parseRowId(req.params.attemptId);
    const attempt = attemptId === undefined ? undefined : await findAttempt(ctx.db, attemptId);
    const webhook = attempt ? await findWebhook(ctx.db, attempt.webhookId) : undefined;
    if (!attempt || !webhook || webhook.definitionId !== definition.id) throw await denyAccess(ctx, callerOf(res), req, 'attempt of another definition or unknown', 'Cet appel');
    if (!webhook.enabled) return show(req, res, definition, { error: { webhookId: webhook.id, message: `Activez d’abord ${webhook.url} : un webhook inactif n’est pas appelé.` } }, 422);
    if (!(await replayAttempt(ctx, webhook, attempt))) return show(req, res, definition, { error: { webhookId: webhook.id, message: 'Cet appel ne peut pas être rejoué (un test, ou une notification qui n’existe plus).' } }, 422);
    ctx.log.info({ userId: callerOf(res).userId, webhookId: webhook.id, attemptId: attempt.id }, 'webhook call replayed');
    done(res, definition, 'rejoue');
  });

  return router;
}
