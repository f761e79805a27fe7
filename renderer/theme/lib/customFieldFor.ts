import type { FieldPathList, RJSFSchema } from '@rjsf/utils';
import { isContactSchema } from './isContactSchema.js';
import { isDocumentListSchema, isDocumentSchema } from './isDocumentSchema.js';
import { itemSchemas } from './schemaBranches.js';

/** The theme's fields, by the name they are registered under. */
export const THEME_FIELDS = { scopes: 'ScopesField', documents: 'DocumentsField', contact: 'ContactField' } as const;

/** The step of the scopes: the root property `scopes`, a list of string values (`enum`, from definition.yaml). */
function isScopesStep(schema: RJSFSchema, path: FieldPathList, rootSchema: object): boolean {
  return path.length === 1 && path[0] === 'scopes' && itemSchemas(schema, rootSchema).some((item) => Array.isArray(item.enum));
}

/**
 * Which of the theme's fields renders the field at `path`, told from its schema alone so that definitions need
 * no `ui:field`: the scopes step, documents (a list of references or a single one), contacts.
 */
export function customFieldFor(schema: RJSFSchema, path: FieldPathList, rootSchema: object): string | undefined {
  if (isScopesStep(schema, path, rootSchema)) return THEME_FIELDS.scopes;
  if (isDocumentListSchema(schema, rootSchema) || isDocumentSchema(schema, rootSchema)) return THEME_FIELDS.documents;
  if (isContactSchema(schema, rootSchema)) return THEME_FIELDS.contact;
  return undefined;
}
