import { Router } from 'express';
import { createElement } from 'react';
import { AdminDefinitionPage } from '../../../../renderer/pages/admin/AdminDefinitionPage.js';
import { AdminDefinitionsPage, type AdminDefinitionRow } from '../../../../renderer/pages/admin/AdminDefinitionsPage.js';
import type { AppContext } from '../../../AppContext.js';
import { notFound } from '../../HttpError.js';
import { pageContext } from '../pageContext.js';
import { sendPage } from '../sendPage.js';
import { definitionAdminView } from './definitionAdminView.js';
import { displayPath } from './displayPath.js';

/** Every definition folder the server loaded at start, and each one's checks, form, workflow and examples. */
export function definitionAdminRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/admin/definitions', async (req, res) => {
    const rows = ctx.registry.results.map((r): AdminDefinitionRow => {
      const d = ctx.registry.definitions.get(r.id);
      if (!d) return { id: r.id, loaded: false, issueCount: r.issues.length };
      return {
        id: r.id,
        loaded: true,
        issueCount: 0,
        name: d.meta.name,
        provider: d.meta.provider,
        kind: d.meta.kind,
        ...(d.meta.stage ? { stage: d.meta.stage.kind } : {}),
        useCases: d.meta.use_cases.length,
        scopes: d.meta.scopes.reduce((n, g) => n + g.items.length, 0),
        examples: d.examples.length,
      };
    });
    sendPage(res, createElement(AdminDefinitionsPage, { page: await pageContext(ctx, req, res), root: displayPath(ctx.registry.root), rows }));
  });

  router.get('/admin/definitions/:id', async (req, res) => {
    const result = ctx.registry.results.find((r) => r.id === req.params.id);
    if (!result) throw notFound('Cette définition');
    const definition = ctx.registry.definitions.get(result.id);
    sendPage(
      res,
      createElement(AdminDefinitionPage, {
        page: await pageContext(ctx, req, res),
        id: result.id,
        folder: displayPath(result.folder),
        issues: result.issues.map((i) => ({ code: i.code, message: i.message, file: i.file, line: i.line, column: i.column, pointer: i.pointer })),
        ...(definition ? { definition: definitionAdminView(definition, typeof req.query.cas === 'string' ? req.query.cas : '') } : {}),
      }),
    );
  });

  return router;
}
