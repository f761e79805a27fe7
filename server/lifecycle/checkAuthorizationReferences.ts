import { annotatedFields, titleAt, type Definition, type Issue } from '../../engine/index.js';
import type { Db } from '../db/createDatabase.js';
import { findAuthorization, parseAuthorizationId } from '../db/repositories/authorizations.js';

const ANNOTATION = 'x-authorization-of';

/**
 * Fields annotated `"x-authorization-of": "<definition>"` (API Particulier's FranceConnect modality) name an
 * authorization: it must be an active authorization of that definition held by the request's organisation.
 * JSON Schema cannot say it; the server checks it when the request is submitted.
 */
export async function checkAuthorizationReferences(db: Db, definition: Definition, data: Record<string, unknown>, organizationId: number): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const { path, value: definitionId } of annotatedFields(definition.schema, ANNOTATION)) {
    let current: unknown = data;
    for (const segment of path) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    if (current === undefined || current === null || current === '') continue;
    const id = typeof current === 'string' ? parseAuthorizationId(current.trim()) : undefined;
    const authorization = id === undefined ? undefined : await findAuthorization(db, id);
    const valid = authorization && authorization.state === 'active' && authorization.definitionId === definitionId && authorization.organizationId === organizationId;
    if (!valid) {
      const title = titleAt(definition.schema, path) ?? path[path.length - 1];
      issues.push({
        code: 'FIELD_INVALID',
        pointer: '/' + path.join('/'),
        message: `« ${title} » doit désigner une habilitation « ${String(definitionId)} » validée et active de votre organisation (par exemple H123) ; « ${String(current)} » n’en est pas une.`,
      });
    }
  }
  return issues;
}
