import type { ApiIssue } from './apiClient.js';

/** What the server gives a step page's form, serialised into the page and read back by the browser. */
export interface StepIslandProps {
  request: { id: string; version: number; data: Record<string, unknown>; updatedAt: string };
  /**
   * `inherited`: a step a production stage carries over from its approved sandbox, shown read-only. `done`: every
   * rule of the step holds (the server's validation), so the stepper draws it done.
   */
  steps: { id: string; title: string; inherited?: boolean; done?: boolean }[];
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
  /** Issues to show from the first render: the step's own, when the applicant follows a link to fix them. */
  issues?: ApiIssue[];
}

export const stepUrl = (requestId: string, stepId: string) => `/demandes/${requestId}/etapes/${encodeURIComponent(stepId)}`;
/** A step's page showing the step's errors at once: where the errors of a refused « Suivant » link to. */
export const stepToFixUrl = (requestId: string, stepId: string) => `${stepUrl(requestId, stepId)}?verifier=1`;
export const summaryUrl = (requestId: string) => `/demandes/${requestId}/recapitulatif`;
