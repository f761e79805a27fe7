/** Request states are the workflow's to declare; the standard ones are listed in the domain reference. */
export type RequestState = string;

export interface AuthorizationSnapshot {
  id: string;
  state: 'active' | 'obsolete' | 'revoked';
  data: Record<string, unknown>;
  createdAt: string;
}

/** What the workflow function reads of a request (the server loads it, the engine never stores it). */
export interface RequestSnapshot {
  id: string;
  definitionId: string;
  useCaseId: string;
  state: RequestState;
  data: Record<string, unknown>;
  organizationId: string;
  applicantId: string;
  /** True while an approved request is being changed (reopened). */
  reopening: boolean;
  createdAt: string;
  updatedAt?: string;
  lastSubmittedAt?: string;
  lastValidatedAt?: string;
  /** The data as last submitted, to compute the diff on the next submission. */
  lastSubmittedData?: Record<string, unknown>;
  authorizations: AuthorizationSnapshot[];
  /** Workflow events already recorded, most recent last (guards such as "another instructor" read them). */
  history?: { event: string; actorId: string; at: string }[];
}

/** Who fires an event. `roles` use the domain's strings: `provider:definition:role`, `provider:*:role`, `admin`. */
export interface Actor {
  kind: 'user' | 'system';
  id: string;
  roles: string[];
  /** The organisation the user currently acts for. */
  organizationId?: string;
}

/** What an actor asks for. */
export interface WorkflowEventInput {
  type: string;
  reason?: string;
  message?: string;
  /** New data for `create`/`update`/`submit`. */
  data?: Record<string, unknown>;
  useCaseId?: string;
  /** For `transfer`: the new owner. */
  to?: { userId?: string; organizationId?: string };
}
