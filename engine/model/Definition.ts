import type { Issue } from '../issues/Issue.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import type { Workflow } from '../workflow/Workflow.js';
import type { DefinitionMeta } from './DefinitionMeta.js';

/** A step of the form: a top-level property of schema.json, in the schema's order. */
export interface Step {
  id: string;
  title: string;
  /**
   * A step of the previous stage that a production stage carries over: its data comes from the approved
   * sandbox request and is shown read-only (see `inheritedData`).
   */
  inherited?: true;
}

/**
 * Where a validation happens: one step (that step and every earlier one), a save (shape only, nothing
 * required) or a submit (everything, terms and attestations included).
 */
export type ValidationContext = 'save' | 'submit' | { step: string };

export interface ValidationOptions {
  context: ValidationContext;
  /** The request's use case; its scope limits and locked fields apply. Defaults to no use case. */
  useCaseId?: string;
  /** When the request was created (ISO date): scopes deprecated before it are refused. Defaults to now. */
  createdAt?: string;
}

export interface ValidationResult {
  valid: boolean;
  /** Issues on the submitted data: `pointer` into the data, no `file`; messages in French. */
  issues: Issue[];
}

/** Compiled once per definition, reused for every submission. */
export interface SubmissionValidator {
  validate(data: unknown, options: ValidationOptions): ValidationResult;
  /**
   * The data as it should be stored: branches that do not apply dropped (if/then/else, dependencies),
   * included scopes added, fields locked by the use case set back to their prefilled value.
   */
  normalize(data: Record<string, unknown>, options: { useCaseId?: string }): Record<string, unknown>;
}

/** An example submission of examples/: valid when `issues` is empty. */
export interface Example {
  name: string;
  file: string;
  description?: string;
  useCaseId?: string;
  context: ValidationContext;
  data: Record<string, unknown>;
  issues: { code: string; pointer: string; message?: string }[];
}

/** A definition loaded and checked: everything the server and renderer need, derived from one folder. */
export interface Definition {
  id: string;
  /** The folder, as given to the loader. */
  folder: string;
  meta: DefinitionMeta;
  /** schema.json with every shared fragment bundled under `definitions`, so only local $ref remain. */
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
  steps: Step[];
  workflow: Workflow;
  convention?: { file: string; source: string };
  examples: Example[];
  validator: SubmissionValidator;
}

/** What loading one folder gives: a definition when it has no issue, and every issue found. */
export interface LoadResult {
  id: string;
  folder: string;
  definition?: Definition;
  issues: Issue[];
}
