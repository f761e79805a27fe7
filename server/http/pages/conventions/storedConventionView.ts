import { conventionView, type ConventionView } from '../../../../renderer/components/ConventionLinks.js';
import type { StoredAuthorization } from '../../../db/repositories/authorizations.js';
import type { StoredConvention } from '../../../db/repositories/conventions.js';

/** The links of an authorization's convention, when one was frozen with it. */
export function storedConventionView(authorization: Pick<StoredAuthorization, 'id' | 'publicId'>, conventions: Map<number, StoredConvention>): ConventionView | undefined {
  const stored = conventions.get(authorization.id);
  return stored ? conventionView(authorization.publicId, stored.pdfSha256) : undefined;
}
