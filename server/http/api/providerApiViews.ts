import { formSchema, type Definition } from '../../../engine/index.js';
import type { StoredAuthorization } from '../../db/repositories/authorizations.js';
import type { RequestEvent, SubmissionDiff } from '../../db/repositories/events.js';
import type { Organization } from '../../db/repositories/organizations.js';
import type { StoredRequest } from '../../db/repositories/requests.js';

/** The organisation a request or an authorization belongs to, as providers know it: by SIRET. */
const organizationView = (id: number, organizations: Map<number, Organization>) => {
  const o = organizations.get(id);
  return { id, siret: o?.siret ?? null, name: o?.name ?? null };
};

/** A request ("demande") as the provider API shows it. */
export function demandeView(row: StoredRequest, definition: Definition | undefined, organizations: Map<number, Organization>, habilitations?: string[]) {
  return {
    id: row.publicId,
    definitionId: row.definitionId,
    useCaseId: row.useCaseId,
    state: row.state,
    stateLabel: definition?.workflow.states[row.state]?.label ?? row.state,
    version: row.version,
    data: row.data,
    organization: organizationView(row.organizationId, organizations),
    applicantId: row.applicantId,
    reopening: row.reopening,
    previousRequestId: row.previousRequestId !== undefined ? `D${row.previousRequestId}` : null,
    externalProviderId: row.externalProviderId ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastSubmittedAt: row.lastSubmittedAt ?? null,
    lastValidatedAt: row.lastValidatedAt ?? null,
    ...(habilitations ? { habilitations } : {}),
  };
}

/** An authorization ("habilitation"): the data frozen at approval. */
export function habilitationView(a: StoredAuthorization, organizations: Map<number, Organization>) {
  return {
    id: a.publicId,
    demandeId: `D${a.requestId}`,
    definitionId: a.definitionId,
    state: a.state,
    data: a.data,
    organization: organizationView(a.organizationId, organizations),
    applicantId: a.applicantId,
    createdAt: a.createdAt,
    obsoletedAt: a.obsoletedAt ?? null,
    revokedAt: a.revokedAt ?? null,
  };
}

/** One event of a request's history, with the data changes of a submission. */
export function eventView(e: RequestEvent, requestPublicId: string, diffs: SubmissionDiff[]) {
  const diff = diffs.find((d) => d.eventId === e.id);
  return {
    id: e.id,
    demandeId: requestPublicId,
    event: e.event,
    fromState: e.fromState ?? null,
    toState: e.toState,
    actorKind: e.actorKind,
    actorId: e.actorId ?? null,
    reason: e.reason ?? null,
    createdAt: e.createdAt,
    ...(diff ? { changes: diff.changes } : {}),
  };
}

/** A definition in a list. */
export function definitionSummary(d: Definition) {
  return {
    id: d.id,
    name: d.meta.name,
    provider: d.meta.provider,
    description: d.meta.description,
    kind: d.meta.kind,
    stage: d.meta.stage ?? null,
    useCases: d.meta.use_cases.map((u) => ({ id: u.id, title: u.title, description: u.description ?? null })),
    states: Object.entries(d.workflow.states).map(([id, s]) => ({ id, label: s.label, final: s.final, editable: !s.final && (s.on.update?.length ?? 0) > 0 })),
  };
}

/** A definition with the JSON Schema of its requests' data (what a PATCH must match) and its steps. */
export function definitionView(d: Definition) {
  return { ...definitionSummary(d), steps: d.steps.map((s) => ({ id: s.id, title: s.title })), schema: formSchema(d) };
}
