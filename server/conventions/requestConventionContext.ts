import { buildConventionContext, type ConventionContext, type Definition } from '../../engine/index.js';
import type { Db } from '../db/createDatabase.js';
import { authorizationPublicId } from '../db/repositories/authorizations.js';
import { findOrganization } from '../db/repositories/organizations.js';
import { requestPublicId } from '../db/repositories/requests.js';
import { findUser } from '../db/repositories/users.js';

/** What of a stored request a convention reads. */
export interface ConventionRequest {
  id: number;
  organizationId: number;
  applicantId: number;
  useCaseId: string;
  data: Record<string, unknown>;
  createdAt: string;
  lastSubmittedAt?: string | undefined;
}

/**
 * The convention context of a stored request: its organisation and applicant as stored now, and the
 * authorization when there is one (at approval), else none (a preview of a request in progress).
 */
export async function requestConventionContext(
  db: Db,
  definition: Definition,
  request: ConventionRequest,
  authorization: { id: number; createdAt: string; state: string } | undefined,
  generatedAt: string,
): Promise<ConventionContext> {
  const [organization, applicant] = await Promise.all([findOrganization(db, request.organizationId), findUser(db, request.applicantId)]);
  if (!organization) throw new Error(`Organisation ${request.organizationId} of request ${request.id} not found.`);
  return buildConventionContext({
    definition,
    data: request.data,
    useCaseId: request.useCaseId,
    organization: {
      name: organization.name,
      siret: organization.siret,
      ...(organization.address ? { address: organization.address } : {}),
      ...(organization.legalCategory ? { legal_category: organization.legalCategory } : {}),
      ...(organization.nafCode ? { naf_code: organization.nafCode } : {}),
    },
    ...(applicant
      ? {
          applicant: {
            email: applicant.email,
            ...(applicant.givenName ? { given_name: applicant.givenName } : {}),
            ...(applicant.familyName ? { family_name: applicant.familyName } : {}),
            ...(applicant.jobTitle ? { job_title: applicant.jobTitle } : {}),
            ...(applicant.phoneNumber ? { phone_number: applicant.phoneNumber } : {}),
          },
        }
      : {}),
    request: { id: request.id, publicId: requestPublicId(request.id), createdAt: request.createdAt, ...(request.lastSubmittedAt ? { lastSubmittedAt: request.lastSubmittedAt } : {}) },
    ...(authorization ? { authorization: { id: authorization.id, publicId: authorizationPublicId(authorization.id), createdAt: authorization.createdAt, state: authorization.state } } : {}),
    generatedAt,
  });
}
