import type { AppContext } from '../AppContext.js';
import { findAuthorization } from '../db/repositories/authorizations.js';
import { conventionByHash } from '../db/repositories/conventions.js';
import { findOrganization } from '../db/repositories/organizations.js';
import { requestPublicId } from '../db/repositories/requests.js';

/** What the platform says of a document whose SHA-256 it is asked about. */
export type Verification =
  | { genuine: false; sha256: string }
  | {
      genuine: true;
      sha256: string;
      format: 'html' | 'pdf';
      issuedAt: string;
      authorization: { id: string; state: string; createdAt: string; obsoletedAt?: string | undefined; revokedAt?: string | undefined };
      request: { id: string };
      definition: { id: string; name: string };
      organization: { name: string; siret: string };
    };

/** A SHA-256 as 64 hexadecimal digits, lower-cased; undefined for anything else. */
export function parseSha256(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value.trim()) ? value.trim().toLowerCase() : undefined;
}

/**
 * Whether a document with this SHA-256 is a convention the platform issued (its HTML or its PDF, exactly as
 * frozen at approval), and for which authorization, with that authorization's state today.
 */
export async function verifyConvention(ctx: AppContext, sha256: string): Promise<Verification> {
  const found = await conventionByHash(ctx.reads, sha256);
  if (!found) return { genuine: false, sha256 };
  const authorization = await findAuthorization(ctx.reads, found.convention.authorizationId);
  if (!authorization) return { genuine: false, sha256 };
  const organization = await findOrganization(ctx.reads, authorization.organizationId);
  const definition = ctx.registry.definitions.get(found.convention.definitionId);
  return {
    genuine: true,
    sha256,
    format: found.format,
    issuedAt: found.convention.createdAt,
    authorization: { id: authorization.publicId, state: authorization.state, createdAt: authorization.createdAt, obsoletedAt: authorization.obsoletedAt, revokedAt: authorization.revokedAt },
    request: { id: requestPublicId(found.convention.requestId) },
    definition: { id: found.convention.definitionId, name: definition?.meta.name ?? found.convention.definitionId },
    organization: { name: organization?.name ?? '', siret: organization?.siret ?? '' },
  };
}
