import { Router, type Request } from 'express';
import Handlebars from 'handlebars';
import type { AppContext } from '../../AppContext.js';
import { organizationsOf } from '../../db/repositories/organizations.js';
import { findUserIdByEmail, listUsers } from '../../db/repositories/users.js';
import { csrfToken } from '../csrf.js';
import { HttpError } from '../HttpError.js';

const page = Handlebars.compile(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion de démonstration – DataPass</title></head>
<body><main>
<h1>Connexion de démonstration</h1>
<p>Cette page n’existe que sur une plateforme de démonstration : choisissez un compte pour vous connecter sans mot de passe.</p>
<ul>{{#each users}}
<li><form method="post" action="/auth/demo">
<input type="hidden" name="_csrf" value="{{../csrf}}"><input type="hidden" name="email" value="{{email}}">
<button type="submit">{{name}}</button> <span>{{email}}</span>{{#if roles}} — <span>{{roles}}</span>{{/if}}
</form></li>{{/each}}
</ul></main></body></html>`);

/** Regenerate the session (no fixation) and sign `userId` in, acting for `organizationId` when given. */
export async function signIn(req: Request, userId: number, organizationId?: number): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
  req.session.userId = String(userId);
  if (organizationId !== undefined) req.session.organizationId = String(organizationId);
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}

/**
 * The demo sign-in page of the embedded default: every seeded account, one click each. Never mounted when
 * NODE_ENV is production (the app refuses to build with it).
 */
export function demoSignInRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/auth/demo', async (req, res) => {
    const users = await listUsers(ctx.reads);
    res.type('html').send(
      page({
        csrf: csrfToken(req),
        users: users.map((u) => ({ email: u.email, name: [u.givenName, u.familyName].filter(Boolean).join(' ') || u.email, roles: u.roles.join(', ') })),
      }),
    );
  });
  router.post('/auth/demo', async (req, res) => {
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    const userId = email ? await findUserIdByEmail(ctx.reads, email) : undefined;
    if (userId === undefined) throw HttpError.of(422, 'UNKNOWN_ACCOUNT', 'Unknown account', `Aucun compte de démonstration n’a l’adresse « ${email} ».`, '/email');
    const [first] = await organizationsOf(ctx.reads, userId);
    await signIn(req, userId, first?.id);
    if (req.accepts(['html', 'json']) === 'json') res.json({ userId, organizationId: first?.id ?? null });
    else res.redirect(303, '/');
  });
  return router;
}
