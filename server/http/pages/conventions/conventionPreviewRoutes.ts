import { Router, type Request } from 'express';
import { ConventionRenderError, exampleConventionContext, type ConventionContext, type Definition } from '../../../../engine/index.js';
import { definitionsWithRole, rolesOnRequest } from '../../../access/requestAccess.js';
import { denyAccess } from '../../../access/denyAccess.js';
import type { AppContext, Caller } from '../../../AppContext.js';
import { previewExamples } from '../../../conventions/previewExamples.js';
import { renderConventionAs } from '../../../conventions/produceConvention.js';
import { requestConventionContext } from '../../../conventions/requestConventionContext.js';
import { loadedDefinition } from '../../../lifecycle/loadedDefinition.js';
import { callerOf } from '../../caller.js';
import { HttpError, notFound } from '../../HttpError.js';
import { visibleRequest } from '../../routes/requestRoutes.js';
import { conventionFormat, sendConventionDocument } from './sendConventionDocument.js';

const formatOf = (req: Request) => {
  const asked = req.query.format ?? 'html';
  const format = conventionFormat(asked);
  if (!format) throw HttpError.of(400, 'FORMAT_INVALID', 'Invalid format', `Le format « ${String(asked)} » n’existe pas : choisissez html ou pdf.`);
  return format;
};

/**
 * Previews of a convention, for admins and the definition's provider team (any role on it), never stored:
 * `/conventions/apercu/<definition>?exemple=<name>&format=html|pdf` with one of the definition's valid
 * examples, and `/instruction/demandes/<id>/convention?format=…` with the data of a request in progress.
 * A template that cannot render gives a 422 naming the template's file and line.
 */
export function conventionPreviewRoutes(ctx: AppContext): Router {
  const router = Router();

  const render = async (definition: Definition, context: ConventionContext, format: 'html' | 'pdf', filename: string) => {
    try {
      return { content: await renderConventionAs(definition, context, format), filename };
    } catch (error) {
      if (!(error instanceof ConventionRenderError)) throw error;
      throw HttpError.of(422, 'CONVENTION_RENDER_FAILED', 'The convention cannot be rendered', `La convention ne peut pas être produite avec ces données : ${error.message}`);
    }
  };

  const mayPreview = (caller: Caller, definitionId: string) => caller.roles.includes('admin') || definitionsWithRole(caller, ctx.registry).includes(definitionId);

  router.get('/conventions/apercu/:definitionId', async (req, res) => {
    const caller = callerOf(res);
    const definition = ctx.registry.definitions.get(String(req.params.definitionId));
    if (!definition) throw notFound('Ce type d’habilitation');
    if (!mayPreview(caller, definition.id)) throw await denyAccess(ctx, caller, req, `convention preview of ${definition.id}`, 'Ce type d’habilitation');
    const format = formatOf(req);
    const examples = previewExamples(definition);
    const name = typeof req.query.exemple === 'string' ? req.query.exemple : examples[0]?.name;
    const example = examples.find((e) => e.name === name);
    if (!example) {
      const known = examples.map((e) => `« ${e.name} »`).join(', ');
      throw HttpError.of(404, 'EXAMPLE_NOT_FOUND', 'Unknown example', `« ${definition.meta.name} » n’a pas d’exemple valide nommé « ${String(name ?? '')} ». Exemples : ${known || 'aucun'}.`);
    }
    const { content, filename } = await render(definition, exampleConventionContext(definition, example.name), format, `apercu-convention-${definition.id}-${example.name}`);
    sendConventionDocument(res, format, content, { filename, download: false });
  });

  router.get('/instruction/demandes/:id/convention', async (req, res) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, String(req.params.id));
    const definition = loadedDefinition(ctx, row.definitionId);
    const roles = rolesOnRequest(caller, definition, row.organizationId);
    if (!caller.roles.includes('admin') && ![...roles].some((r) => r !== 'applicant')) throw await denyAccess(ctx, caller, req, `convention preview of request ${row.publicId}`, 'Cette demande');
    const format = formatOf(req);
    const context = await requestConventionContext(ctx.reads, definition, row, undefined, ctx.clock.now().toISOString());
    const { content, filename } = await render(definition, context, format, `apercu-convention-${row.publicId}`);
    sendConventionDocument(res, format, content, { filename, download: false });
  });

  return router;
}
