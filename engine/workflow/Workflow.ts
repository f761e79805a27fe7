/**
 * The workflow of a definition once its file and the workflows it extends are merged and checked.
 * Every piece remembers where it is written (`at`), so that tooling (issues, the admin preview) can point
 * provider teams at the line to change. See definitions/_workflows/README.md for the YAML format.
 */

/** Where a piece of a workflow is written: the file (as shown to people) and the JSON pointer in it. */
export interface Origin {
  file: string;
  pointer: string;
}

export const REASON_REQUIREMENTS = ['required', 'optional', 'none'] as const;
export type ReasonRequirement = (typeof REASON_REQUIREMENTS)[number];

/** One requirement for every actor, or one per acting role (a role not named: `optional`). */
export type ReasonRule = ReasonRequirement | Record<string, ReasonRequirement>;

/**
 * The longest reason an event takes, in characters (UTF-16 code units, as a textarea's `maxlength` counts),
 * when its workflow does not say (`reason_max_length`): the order of a message's limit. A reason is copied
 * into e-mails, webhooks and every page of the request's history, so none is unbounded.
 */
export const DEFAULT_REASON_MAX_LENGTH = 10_000;
/** The highest `reason_max_length` a workflow may declare: above it, a reason is no longer a reason but a document. */
export const REASON_MAX_LENGTH_CEILING = 100_000;

/** A guard or an effect named in YAML: `name` alone, or `{ name: args }`. */
export interface Call {
  name: string;
  /** Absent when the YAML gives the bare name. */
  args?: unknown;
  at: Origin;
}

/** One branch of a transition. Its `actors` and `reason` replace the event's; its guards and effects come after the event's. */
export interface Transition {
  /** Absent: the request stays in its state (a targetless transition, as in XState). */
  target?: string;
  actors?: string[];
  reason?: ReasonRule;
  /** Replaces the event's `reasonMaxLength` when given. */
  reasonMaxLength?: number;
  guards: Call[];
  effects: Call[];
  description?: string;
  at: Origin;
}

export interface WorkflowState {
  label: string;
  description?: string;
  final: boolean;
  /**
   * Event → ordered branches, the first whose actors and guards pass wins. Includes the workflow-wide
   * `on` for every non-final state that does not handle the event itself; an empty list forbids the event.
   */
  on: Record<string, Transition[]>;
  at: Origin;
}

export const EVENT_FIELDS = ['label', 'description', 'actors', 'reason', 'reason_max_length', 'guards', 'effects'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** What every transition of an event shares: who may fire it, whether a reason is asked, guards and effects. */
export interface WorkflowEvent {
  label: string;
  description?: string;
  actors: string[];
  reason: ReasonRule;
  /** The longest reason taken, in characters: `reason_max_length`, else DEFAULT_REASON_MAX_LENGTH. */
  reasonMaxLength: number;
  guards: Call[];
  effects: Call[];
  at: Origin;
  /** Where each field was last written: an extension may change one field of an event of its base. */
  fieldsAt: Partial<Record<EventField, Origin>>;
}

export interface Workflow {
  /** The files merged into this workflow, the furthest base first. */
  sources: string[];
  description?: string;
  /** The state a request is created in, by the event `create`. */
  initial: string;
  /** Roles the workflow files introduce (e.g. `opinion_giver`), beside the built-in ones and definition.yaml `roles`. */
  roles: string[];
  states: Record<string, WorkflowState>;
  events: Record<string, WorkflowEvent>;
}

/** The event that creates a request: it has no state of origin and leads to `initial`. */
export const CREATE_EVENT = 'create';

/** Own-property lookup: state and event names come from YAML and must not reach Object.prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
