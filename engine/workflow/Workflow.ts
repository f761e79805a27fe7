/** Placeholder contract: the workflow helper replaces this file with the full model. */
export interface Workflow {
  name: string;
  initial: string;
  states: Record<string, { label: string; final: boolean; on: Record<string, unknown[]> }>;
  events: Record<string, unknown>;
}
