import type { ApiIssue } from './apiClient.js';

/** What the server gives a step page's form, serialised into the page and read back by the browser. */
export interface StepIslandProps {
  request: { id: string; version: number; data: Record<string, unknown>; updatedAt: string };
  /** `inherited`: a step a production stage carries over from its approved sandbox, shown read-only. */
  steps: { id: string; title: string; inherited?: boolean }[];
  stepIndex: number;
  /** The form schema (scopes filled in) and ui.json of the definition. */
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** The theme's context, without functions: scopes and the use case's limit, the applicant for « C'est moi », locked pointers. */
  context: {
    scopes?: unknown;
    me?: { given_name?: string; family_name?: string; email?: string; phone_number?: string; job_title?: string };
    locked?: string[];
  };
  csrfToken: string;
  /** The server's clock, so the first render is the same on both sides. */
  now: string;
  issues?: ApiIssue[];
}

export const stepUrl = (requestId: string, stepId: string) => `/demandes/${requestId}/etapes/${encodeURIComponent(stepId)}`;
export const summaryUrl = (requestId: string) => `/demandes/${requestId}/recapitulatif`;
