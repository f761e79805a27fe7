import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { walkLocations } from './schemaLocations.js';
import { DPO_CONTACT, requiredTerms } from './requiredTerms.js';
import type { Term } from './termsKeyword.js';

/**
 * The boxes a submit of this definition needs ticked (`data.terms.<id>`), in the order a summary page shows
 * them: the CGU, the DPO statement when the form has a DPO contact anywhere, then the attestations.
 */
export function definitionTerms(schema: JsonSchema, meta: DefinitionMeta): Term[] {
  let hasDpoContact = false;
  walkLocations(schema, ({ path }) => {
    if (path[path.length - 1] === DPO_CONTACT) hasDpoContact = true;
  });
  return requiredTerms(meta, hasDpoContact);
}
