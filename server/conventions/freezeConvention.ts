import { ConventionRenderError, type Definition, type RequestSnapshot } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { findAuthorizationByKey } from '../db/repositories/authorizations.js';
import { insertConvention } from '../db/repositories/conventions.js';
import { HttpError } from '../http/HttpError.js';
import { produceConvention } from './produceConvention.js';
import { requestConventionContext } from './requestConventionContext.js';

/**
 * The workflow's `render_convention`, inside the approval's transaction: the convention of the authorization
 * just frozen is rendered once, from the authorization's frozen data, and stored with the SHA-256 of its HTML
 * and PDF. It is never rendered again: a later change of the definition or its template leaves it as it was.
 * A template that cannot render this request refuses the approval (nothing is stored) with the template's line.
 */
export async function freezeConvention(tx: Db, ctx: AppContext, definition: Definition, requestId: number, engineKey: string, next: RequestSnapshot): Promise<void> {
  const authorization = await findAuthorizationByKey(tx, engineKey);
  if (!authorization) throw new Error(`render_convention names authorization ${engineKey}, which is not stored: put freeze_authorization before it.`);
  const context = await requestConventionContext(
    tx,
    definition,
    {
      id: requestId,
      organizationId: authorization.organizationId,
      applicantId: authorization.applicantId,
      useCaseId: next.useCaseId,
      data: authorization.data,
      createdAt: next.createdAt,
      lastSubmittedAt: next.lastSubmittedAt,
    },
    authorization,
    authorization.createdAt,
  );
  let produced;
  try {
    produced = await produceConvention(definition, context);
  } catch (error) {
    if (!(error instanceof ConventionRenderError)) throw error;
    ctx.log.error({ err: error, definition: definition.id, requestId }, 'convention could not be rendered');
    throw HttpError.of(
      422,
      'CONVENTION_RENDER_FAILED',
      'The convention cannot be rendered',
      `La convention de cette habilitation ne peut pas être produite : ${error.message} La demande n’est pas validée ; l’équipe de « ${definition.meta.name} » doit corriger son modèle de convention.`,
    );
  }
  await insertConvention(tx, { authorizationId: authorization.id, requestId, definitionId: definition.id, createdAt: authorization.createdAt, ...produced });
}
