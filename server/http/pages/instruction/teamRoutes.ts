import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { TeamPage, type TeamPageProps } from '../../../../renderer/pages/instruction/TeamPage.js';
import type { AppContext } from '../../../AppContext.js';
import { addRole, removeRole, roleHolders } from '../../../db/repositories/roles.js';
import { findUserIdByEmail } from '../../../db/repositories/users.js';
import { callerOf } from '../../caller.js';
import { notFound } from '../../HttpError.js';
import { TEXT_LIMITS, textTooLong } from '../../textLimits.js';
import { displayName, pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { managedDefinitions } from './managedDefinitions.js';

/** The rights a manager gives on their definitions. */
const ROLES: Record<string, string> = { instructor: 'Instructeur', reporter: 'Rapporteur' };
const LABELS: Record<string, string> = { ...ROLES, manager: 'Gestionnaire', developer: 'Développeur' };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A manager's team: instructors and reporters of each definition they manage. */
export function teamRoutes(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, extra: Pick<TeamPageProps, 'error' | 'notice'> = {}, status = 200) => {
    const definitions = managedDefinitions(callerOf(res), ctx.registry);
    const byProvider = new Map<string, Awaited<ReturnType<typeof roleHolders>>>();
    for (const provider of new Set(definitions.map((d) => d.meta.provider))) byProvider.set(provider, await roleHolders(ctx.reads, provider));
    sendPage(
      res,
      createElement(TeamPage, {
        page: await pageContext(ctx, req, res),
        definitions: definitions.map((d) => ({
          id: d.id,
          name: d.meta.name,
          members: (byProvider.get(d.meta.provider) ?? []).flatMap((h) => {
            const [, definitionId, role] = h.role.split(':');
            if (definitionId !== d.id && definitionId !== '*') return [];
            const label = LABELS[role ?? ''] ?? role ?? h.role;
            return [{ email: h.email, name: displayName(h), role: h.role, roleLabel: definitionId === '*' ? `${label} (toutes les habilitations du fournisseur)` : label, removable: definitionId === d.id && (role ?? '') in ROLES }];
          }),
        })),
        roles: ROLES,
        emailMaxLength: TEXT_LIMITS.email,
        ...extra,
      }),
      status,
    );
  };

  router.get('/instruction/equipe', async (req, res) => show(req, res, req.query.fait === '1' ? { notice: 'Équipe mise à jour' } : {}));

  router.post('/instruction/equipe', async (req, res) => {
    const caller = callerOf(res);
    const definition = managedDefinitions(caller, ctx.registry).find((d) => d.id === text(req.body?.definitionId));
    if (!definition) throw notFound('Cette habilitation');
    const email = text(req.body?.email).toLowerCase();
    const role = text(req.body?.role);
    const refuse = (message: string) => show(req, res, { error: { definitionId: definition.id, message, email } }, 422);
    if (!Object.hasOwn(ROLES, role)) return refuse('Choisissez le rôle : instructeur ou rapporteur.');
    const emailTooLong = textTooLong('L’adresse e-mail', email, TEXT_LIMITS.email);
    if (emailTooLong) return refuse(emailTooLong);
    const userId = email ? await findUserIdByEmail(ctx.reads, email) : undefined;
    if (userId === undefined) return refuse(`Aucun compte n’a l’adresse « ${email} » : la personne doit d’abord se connecter une fois à DataPass.`);
    await addRole(ctx.db, userId, `${definition.meta.provider}:${definition.id}:${role}`);
    ctx.log.info({ userId: caller.userId, to: userId, role: `${definition.meta.provider}:${definition.id}:${role}` }, 'role granted by a manager');
    res.redirect(303, '/instruction/equipe?fait=1');
  });

  router.post('/instruction/equipe/retirer', async (req, res) => {
    const caller = callerOf(res);
    const definition = managedDefinitions(caller, ctx.registry).find((d) => d.id === text(req.body?.definitionId));
    if (!definition) throw notFound('Cette habilitation');
    const role = text(req.body?.role);
    const [provider, definitionId, name] = role.split(':');
    // Only the rights this page gives: one definition's instructors and reporters.
    if (provider !== definition.meta.provider || definitionId !== definition.id || !((name ?? '') in ROLES)) throw notFound('Ce rôle');
    const userId = await findUserIdByEmail(ctx.reads, text(req.body?.email).toLowerCase());
    if (userId === undefined || !(await removeRole(ctx.db, userId, role))) throw notFound('Ce rôle');
    ctx.log.info({ userId: caller.userId, from: userId, role }, 'role revoked by a manager');
    res.redirect(303, '/instruction/equipe?fait=1');
  });

  return router;
}
