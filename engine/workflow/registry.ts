import type { IssueCode } from '../issues/catalogue.js';
import type { Issue } from '../issues/Issue.js';
import type { Definition } from '../model/Definition.js';
import type { Actor, RequestSnapshot, WorkflowEventInput } from '../model/Request.js';
import type { Effect, EffectType } from './Effect.js';

/** What a guard or an effect sees while an event is fired. */
export interface TransitionContext {
  definition: Definition;
  /** The request before the event; null for `create`. */
  request: RequestSnapshot | null;
  input: WorkflowEventInput;
  /** The event fired (`input.type`). */
  event: string;
  /** The state before the event; null for `create`. */
  from: string | null;
  to: string;
  actor: Actor;
  /** Every role the actor holds on this request, included ones added. */
  roles: ReadonlySet<string>;
  /** The role the actor fires the event as: the first role of the transition's actors that it holds. */
  actingAs: string;
  /** The reason or message given, trimmed; absent when none was given or the event asks for none. */
  reason?: string;
  now: Date;
}

/** What an argument check may say, for the checker to turn into a located issue. */
export interface ArgumentProblem {
  code: IssueCode;
  what: string;
  hint?: string;
  /** JSON pointer below the argument, '' for the argument itself. */
  pointer?: string;
}

/** Names a workflow declares, for arguments that refer to them. */
export interface ArgumentScope {
  states: readonly string[];
  events: readonly string[];
  roles: readonly string[];
}

interface Documented<A> {
  /** One sentence for definitions/_workflows/README.md. */
  description: string;
  /** The argument in words (`an event name`); absent when the entry takes no argument. */
  argument?: string;
  /** JSON Schema of the argument; present exactly when `argument` is. */
  argumentSchema?: object;
  /** Checks beyond the schema, e.g. that a named event exists. */
  checkArgument?(argument: A, scope: ArgumentScope): ArgumentProblem[];
}

export interface GuardDefinition<A = unknown> extends Documented<A> {
  test(context: TransitionContext, argument: A): boolean;
  /** Shown to the actor when the guard refuses, in French. */
  refusal(context: TransitionContext, argument: A): string;
}

export type EffectOutcome = { next: RequestSnapshot; effects: Effect[] } | { issues: Issue[] };

export interface EffectDefinition<A = unknown> extends Documented<A> {
  /** The effect types it may hand to the server (none when it only changes the next snapshot). */
  emits: readonly EffectType[];
  /** Must not mutate `next`: returns a new snapshot. May refuse the event with issues (bad input, invalid data). */
  apply(context: TransitionContext, next: RequestSnapshot, argument: A): EffectOutcome;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Guards and effects by name. The built-in ones are registered through the same methods a future
 * extension would call, as ajv registers its own keywords through `addVocabulary`.
 */
export class WorkflowRegistry {
  readonly guards = new Map<string, GuardDefinition>();
  readonly effects = new Map<string, EffectDefinition>();

  addGuard<A>(name: string, definition: GuardDefinition<A>): this {
    this.#checkName(name, this.guards, definition);
    this.guards.set(name, definition as GuardDefinition);
    return this;
  }

  addEffect<A>(name: string, definition: EffectDefinition<A>): this {
    this.#checkName(name, this.effects, definition);
    this.effects.set(name, definition as EffectDefinition);
    return this;
  }

  addGuards(guards: Record<string, GuardDefinition<never>>): this {
    for (const [name, definition] of Object.entries(guards)) this.addGuard(name, definition as GuardDefinition);
    return this;
  }

  addEffects(effects: Record<string, EffectDefinition<never>>): this {
    for (const [name, definition] of Object.entries(effects)) this.addEffect(name, definition as EffectDefinition);
    return this;
  }

  // Registration mistakes are programmer errors: they throw at startup rather than become issues.
  #checkName(name: string, into: Map<string, unknown>, definition: Documented<never>): void {
    if (!NAME.test(name)) throw new Error(`Workflow registry: "${name}" is not a snake_case name`);
    if (into.has(name)) throw new Error(`Workflow registry: "${name}" is already registered`);
    if ((definition.argument === undefined) !== (definition.argumentSchema === undefined)) {
      throw new Error(`Workflow registry: "${name}" must give both argument and argumentSchema, or neither`);
    }
  }
}
