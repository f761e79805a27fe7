import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { actorRoles, type Definition } from '../../../engine/index.js';
import { EmailPreferencesPage } from '../../../renderer/pages/emails/EmailPreferencesPage.js';
import { MailboxEmailPage } from '../../../renderer/pages/emails/MailboxEmailPage.js';
import { MailboxPage } from '../../../renderer/pages/emails/MailboxPage.js';
import type { AppContext, Caller } from '../../AppContext.js';
import { EMAIL_TOPICS, findMailboxEmail, listMailbox, optOutsOf, setEmailPreference, type EmailTopic } from '../../db/repositories/emails.js';
import { requestPublicId } from '../../db/repositories/requests.js';
import { EMAIL_PREFERENCES_PATH } from '../../emails/enqueueEmails.js';
import { callerOf } from '../caller.js';
import { notFound } from '../HttpError.js';
import { requireAdmin } from './admin/requireAdmin.js';
import { pageContext } from './pageContext.js';
import { sendPage } from './sendPage.js';
import { parseRowId } from '../../db/rowId.js';

const PAGE_SIZE = 50;

const TOPICS: Record<EmailTopic, { label: string; hint: string }> = {
  requests: { label: 'E-mails de nouvelles demandes', hint: 'Une demande soumise ou soumise à nouveau, et les autres étapes de l’instruction qui vous concernent.' },
  messages: { label: 'Messages', hint: 'Un message d’un demandeur sur une demande de cette habilitation.' },
};

/**
 * The definitions on which the caller gets instruction e-mails: those where a provider role of theirs gives them
 * any role (an admin role alone gives none, as it brings no e-mail).
 */
function emailedDefinitions(caller: Caller, ctx: AppContext): Definition[] {
  const roles = caller.roles.filter((r) => r !== 'admin');
  return [...ctx.registry.definitions.values()].filter((d) => actorRoles(d, null, { kind: 'user', id: String(caller.userId), roles }).size > 0);
}

/** The mailbox of the embedded default (`/admin/emails`) and people's e-mail preferences (`/instruction/e-mails`). */
export function emailRoutes(ctx: AppContext): Router {
  const router = Router();

  router.use('/admin/emails', requireAdmin(ctx));

  router.get('/admin/emails', async (req, res) => {
    const asked = Number(req.query.page ?? 1);
    const pageNumber = Number.isInteger(asked) && asked > 0 ? asked : 1;
    const { emails, total } = await listMailbox(ctx.reads, { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
    sendPage(res, createElement(MailboxPage, { page: await pageContext(ctx, req, res), emails: emails.map((e) => ({ id: e.id, createdAt: e.createdAt, to: e.to, subject: e.subject })), total, pageNumber, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }));
  });

  router.get('/admin/emails/:id', async (req, res) => {
    const id = parseRowId(req.params.id);
    const email = id === undefined ? undefined : await findMailboxEmail(ctx.reads, id);
    if (!email) throw notFound('Cet e-mail');
    sendPage(
      res,
      createElement(MailboxEmailPage, {
        page: await pageContext(ctx, req, res),
        email: { id: email.id, createdAt: email.createdAt, from: email.from, to: email.to, subject: email.subject, text: email.text, template: email.template, requestId: email.requestId !== undefined ? requestPublicId(email.requestId) : undefined },
      }),
    );
  });

  const showPreferences = async (req: Request, res: Response, notice?: string) => {
    const caller = callerOf(res);
    const off = new Set((await optOutsOf(ctx.reads, caller.userId)).map((o) => `${o.definitionId}:${o.topic}`));
    sendPage(
      res,
      createElement(EmailPreferencesPage, {
        page: await pageContext(ctx, req, res),
        definitions: emailedDefinitions(caller, ctx).map((d) => ({
          definitionId: d.id,
          definitionName: d.meta.name,
          topics: EMAIL_TOPICS.filter((t) => t !== 'messages' || d.meta.features.messaging).map((t) => ({ topic: t, ...TOPICS[t], on: !off.has(`${d.id}:${t}`) })),
        })),
        notice,
      }),
    );
  };

  router.get(EMAIL_PREFERENCES_PATH, async (req, res) => showPreferences(req, res, req.query.fait === '1' ? 'Vos choix sont enregistrés' : undefined));

  // Every box of the page is sent when checked and absent when not: what is absent is turned off.
  router.post(EMAIL_PREFERENCES_PATH, async (req, res) => {
    const caller = callerOf(res);
    const raw = (req.body as Record<string, unknown> | undefined)?.on;
    const on = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string'));
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      for (const d of emailedDefinitions(caller, ctx)) {
        for (const topic of EMAIL_TOPICS) {
          if (topic === 'messages' && !d.meta.features.messaging) continue;
          await setEmailPreference(tx, caller.userId, d.id, topic, on.has(`${d.id}:${topic}`), now);
        }
      }
    });
    ctx.log.info({ userId: caller.userId, on: [...on] }, 'e-mail preferences changed');
    res.redirect(303, `${EMAIL_PREFERENCES_PATH}?fait=1`);
  });

  return router;
}
