import type { Db } from '../db/createDatabase.js';
import { authorizationsOf } from '../db/repositories/authorizations.js';
import { findOrganization } from '../db/repositories/organizations.js';
import { findRequest, requestPublicId } from '../db/repositories/requests.js';
import { findUser } from '../db/repositories/users.js';

/** `model_type` of the contract: the definition a request belongs to. */
export const modelType = (definitionId: string) => `authorization_request/${definitionId}`;

/** Unix seconds of an ISO timestamp, as `fired_at` gives them. */
export const unixSeconds = (at: string) => Math.floor(Date.parse(at) / 1000);

/**
 * The contract's body for one event of one request, read in the event's transaction so that it shows the
 * request as the event left it. Serialized here, once: the outbox keeps this exact text (a jsonb column would
 * reorder an object's keys), the handler posts and signs these bytes, and a replay sends them again.
 */
export async function webhookBody(tx: Db, requestId: number, event: string, at: string): Promise<string> {
  const request = await findRequest(tx, requestId);
  if (!request) throw new Error(`webhookBody: request ${requestId} not found in the event's transaction.`);
  // One after the other: a transaction is one connection, which runs one query at a time.
  const organization = await findOrganization(tx, request.organizationId);
  const applicant = await findUser(tx, request.applicantId);
  const authorizations = await authorizationsOf(tx, requestId);
  const body = {
    event,
    fired_at: unixSeconds(at),
    model_type: modelType(request.definitionId),
    model_id: request.id,
    data: {
      id: request.id,
      public_id: requestPublicId(request.id),
      type: request.definitionId,
      state: request.state,
      // DataPass names a form by a uid unique across definitions: the definition, then its use case.
      form_uid: request.useCaseId ? `${request.definitionId}-${request.useCaseId}` : request.definitionId,
      created_at: request.createdAt,
      last_submitted_at: request.lastSubmittedAt ?? null,
      last_validated_at: request.lastValidatedAt ?? null,
      data: request.data,
      organization: organization ? { id: organization.id, name: organization.name, siret: organization.siret, insee_payload: organization.inseePayload } : null,
      applicant: applicant
        ? { id: applicant.id, email: applicant.email, given_name: applicant.givenName ?? null, family_name: applicant.familyName ?? null, phone_number: applicant.phoneNumber ?? null, job_title: applicant.jobTitle ?? null }
        : null,
      authorizations: authorizations.map((a) => ({ id: a.id, state: a.state, created_at: a.createdAt, data: a.data })),
    },
  };
  return JSON.stringify(body);
}

/** The body of a « Tester » call: marked `test`, shaped like an event's so a receiver's parser is exercised. */
export function testBody(definitionId: string, at: string): string {
  return JSON.stringify({ test: true, event: 'test', fired_at: unixSeconds(at), model_type: modelType(definitionId), model_id: null, data: {} });
}
