import { Router } from 'express';
import { TEXT_LIMITS } from '../textLimits.js';
import { createElement } from 'react';
import { definitionTerms, type Definition } from '../../../engine/index.js';
import { CataloguePage, type CatalogueEntry } from '../../../renderer/pages/CataloguePage.js';
import { IntroPage } from '../../../renderer/pages/IntroPage.js';
import { UseCasesPage } from '../../../renderer/pages/UseCasesPage.js';
import type { AppContext } from '../../AppContext.js';
import { findOrganization } from '../../db/repositories/organizations.js';
import { processingTime } from '../../db/repositories/processingTimes.js';
import { notFound } from '../HttpError.js';
import { pageContext } from './pageContext.js';
import { sendPage } from './sendPage.js';
import { visibleSteps } from './visibleSteps.js';

/** Lower case without accents, so « reseau » finds « Réseau ». */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** What a request can be started for: every loaded definition but production stages (they follow a sandbox). */
export const startable = (ctx: AppContext): Definition[] =>
  [...ctx.registry.definitions.values()].filter((d) => d.meta.stage?.kind !== 'production').sort((a, b) => a.meta.name.localeCompare(b.meta.name, 'fr'));

/** What the catalogue lists: the startable definitions that are public (the others only by their direct link). */
const listed = (ctx: AppContext): Definition[] => startable(ctx).filter((d) => d.meta.public);

function entryOf(d: Definition): CatalogueEntry {
  return { id: d.id, name: d.meta.name, providerName: d.meta.provider_name ?? d.meta.provider, description: d.meta.description, kind: d.meta.kind, sandbox: d.meta.stage?.kind === 'sandbox' };
}

/** The catalogue, a definition's use cases, and the page before starting: all readable without signing in. */
export function catalogueRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/', (_req, res) => res.redirect(303, !res.locals.caller ? '/catalogue' : res.locals.caller.roles.length ? '/instruction' : '/demandes'));

  router.get('/catalogue', async (req, res) => {
    const query = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, TEXT_LIMITS.searchQuery) : '';
    const all = listed(ctx);
    const words = fold(query).split(/\s+/).filter(Boolean);
    const matches = all.filter((d) => {
      const text = fold([d.meta.name, d.meta.provider_name ?? '', d.meta.provider, d.meta.description, ...d.meta.use_cases.map((u) => u.title), ...d.meta.scopes.flatMap((g) => [g.group, ...g.items.map((s) => s.label)])].join(' '));
      return words.every((w) => text.includes(w));
    });
    sendPage(res, createElement(CataloguePage, { page: await pageContext(ctx, req, res), query, entries: matches.map(entryOf), total: all.length }));
  });

  const definitionOf = (id: string) => {
    const d = ctx.registry.definitions.get(id);
    if (!d || d.meta.stage?.kind === 'production') throw notFound('Ce type d’habilitation');
    return d;
  };

  router.get('/catalogue/:id', async (req, res) => {
    const d = definitionOf(req.params.id);
    sendPage(
      res,
      createElement(UseCasesPage, {
        page: await pageContext(ctx, req, res),
        definition: { id: d.id, name: d.meta.name, providerName: d.meta.provider_name ?? d.meta.provider, description: d.meta.description, documentation: d.meta.links.documentation },
        useCases: d.meta.use_cases.map((u) => ({ id: u.id, title: u.title, description: u.description })),
        processingTime: await processingTime(ctx.reads, d.id, ctx.clock.now()),
      }),
    );
  });

  router.get('/catalogue/:id/:useCase', async (req, res) => {
    const d = definitionOf(req.params.id);
    const useCase = d.meta.use_cases.find((u) => u.id === req.params.useCase);
    if (!useCase) throw notFound('Ce cas d’usage');
    const page = await pageContext(ctx, req, res);
    let blocked: string | undefined;
    if (page.user && !page.organization) blocked = 'Choisissez d’abord l’organisation pour laquelle vous faites cette demande.';
    else if (page.organization && (await findOrganization(ctx.reads, page.organization.id))?.closed) {
      blocked = `L’établissement ${page.organization.name} (SIRET ${page.organization.siret}) est fermé d’après le répertoire Sirene : il ne peut pas faire de demande.`;
    }
    sendPage(
      res,
      createElement(IntroPage, {
        page,
        definition: { id: d.id, name: d.meta.name, supportEmail: d.meta.support_email },
        useCase: { id: useCase.id, title: useCase.title, description: useCase.description },
        steps: visibleSteps(d, useCase.id),
        terms: definitionTerms(d.schema, d.meta).map((t) => t.label),
        processingTime: await processingTime(ctx.reads, d.id, ctx.clock.now()),
        blocked,
      }),
    );
  });

  return router;
}
