import { Router } from 'express';
import { formSchema } from '../../../engine/index.js';
import type { AppContext } from '../../AppContext.js';
import { notFound } from '../HttpError.js';

/** The catalogue: every public definition, and one (public or reached by its link) with its form (schema with the scopes filled in, ui, steps). */
export function definitionRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/definitions', (_req, res) => {
    res.json({
      definitions: [...ctx.registry.definitions.values()].filter((d) => d.meta.public).map((d) => ({ id: d.id, name: d.meta.name, provider: d.meta.provider, description: d.meta.description, kind: d.meta.kind, stage: d.meta.stage ?? null, useCases: d.meta.use_cases.map((u) => ({ id: u.id, title: u.title, description: u.description ?? null })) })),
    });
  });
  router.get('/api/definitions/:id', (req, res) => {
    const d = ctx.registry.definitions.get(req.params.id);
    if (!d) throw notFound('Ce type d’habilitation');
    res.json({ definition: { id: d.id, meta: d.meta, steps: d.steps, schema: formSchema(d), uiSchema: d.uiSchema } });
  });
  return router;
}
