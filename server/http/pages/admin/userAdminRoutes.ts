import { Router, type Request, type Response } from 'express';
import { createElement } from 'react';
import { AdminUsersPage, type RoleFormError } from '../../../../renderer/pages/admin/AdminUsersPage.js';
import type { AppContext } from '../../../AppContext.js';
import { addRole, removeRole } from '../../../db/repositories/roles.js';
import { findUser, searchUsers, type User } from '../../../db/repositories/users.js';
import { callerOf } from '../../caller.js';
import { notFound } from '../../HttpError.js';
import { TEXT_LIMITS, textTooLong } from '../../textLimits.js';
import { displayName, pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { checkRole } from './checkRole.js';
import { describeRole } from './describeRole.js';
import { grantableRoles } from './grantableRoles.js';
import { parseRowId } from '../../../db/rowId.js';

const PAGE_SIZE = 50;
/** A search is cut at its limit (each word costs a condition); other fields are checked whole. */
const query = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, TEXT_LIMITS.searchQuery) : '');
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

const NOTICES: Record<string, { title: string; text: string }> = {
  ajout: { title: 'Rôle ajouté', text: 'Il s’applique dès la page suivante de l’utilisateur.' },
  retrait: { title: 'Rôle retiré', text: 'Le retrait s’applique dès la page suivante de l’utilisateur.' },
};

/** The users and their roles: search, grant a role, withdraw one; every change is logged with who made it. */
export function userAdminRoutes(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, query: string, extra: { error?: RoleFormError; notice?: { title: string; text: string } | undefined }, status = 200) => {
    const found = await searchUsers(ctx.reads, query, PAGE_SIZE + 1);
    const users = found.slice(0, PAGE_SIZE);
    // The user whose form failed stays on the page, to show the error next to the field.
    if (extra.error && !users.some((u) => u.id === extra.error!.userId)) {
      const user = await findUser(ctx.reads, extra.error.userId);
      if (user) users.unshift(user);
    }
    sendPage(
      res,
      createElement(AdminUsersPage, {
        page: await pageContext(ctx, req, res),
        query,
        users: users.map((u) => ({ id: u.id, name: displayName(u), email: u.email, roles: u.roles.map((role) => ({ role, description: describeRole(role, ctx.registry) })) })),
        more: found.length > PAGE_SIZE,
        suggestions: grantableRoles(ctx.registry),
        error: extra.error,
        notice: extra.notice,
      }),
      status,
    );
  };

  const target = async (req: Request): Promise<User> => {
    const id = parseRowId(req.params.id);
    const user = id === undefined ? undefined : await findUser(ctx.reads, id);
    if (!user) throw notFound('Cet utilisateur');
    return user;
  };

  const done = (res: Response, query: string, what: 'ajout' | 'retrait', user: User) =>
    res.redirect(303, `/admin/utilisateurs?${new URLSearchParams({ ...(query ? { q: query } : {}), fait: what })}#utilisateur-${user.id}`);

  router.get('/admin/utilisateurs', async (req, res) => {
    await show(req, res, query(req.query.q), { notice: typeof req.query.fait === 'string' ? NOTICES[req.query.fait] : undefined });
  });

  router.post('/admin/utilisateurs/:id/roles', async (req, res) => {
    const caller = callerOf(res);
    const user = await target(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const search = query(body.q);
    const typed = text(body.role);
    const refuse = (message: string) => show(req, res, search, { error: { userId: user.id, action: 'add', role: typed.slice(0, TEXT_LIMITS.role), message } }, 422);
    const roleTooLong = textTooLong('Le rôle', typed, TEXT_LIMITS.role);
    if (roleTooLong) return refuse(roleTooLong);
    const checked = checkRole(typed, ctx.registry);
    if ('error' in checked) return refuse(checked.error);
    if (!(await addRole(ctx.db, user.id, checked.role))) return refuse(`${displayName(user)} a déjà le rôle ${checked.role}.`);
    ctx.log.info({ adminId: caller.userId, userId: user.id, email: user.email, role: checked.role }, 'role added');
    done(res, search, 'ajout', user);
  });

  router.post('/admin/utilisateurs/:id/roles/retirer', async (req, res) => {
    const caller = callerOf(res);
    const user = await target(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const search = query(body.q);
    const role = text(body.role);
    const refuse = (message: string) => show(req, res, search, { error: { userId: user.id, action: 'remove', role: role.slice(0, TEXT_LIMITS.role), message } }, 422);
    const roleTooLong = textTooLong('Le rôle', role, TEXT_LIMITS.role);
    if (roleTooLong) return refuse(roleTooLong);
    // An admin never locks themselves out: another admin must withdraw the role.
    if (role === 'admin' && user.id === caller.userId) return refuse('Vous ne pouvez pas retirer votre propre rôle admin : demandez-le à un autre administrateur.');
    if (!(await removeRole(ctx.db, user.id, role))) return refuse(`${displayName(user)} n’a pas le rôle ${role || '(vide)'}.`);
    ctx.log.info({ adminId: caller.userId, userId: user.id, email: user.email, role }, 'role removed');
    done(res, search, 'retrait', user);
  });

  return router;
}
