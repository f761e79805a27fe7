/**
 * The workflow's public surface.
 *
 * - `checkWorkflow({ file, loadBase, extraRoles?, registry? }) → { workflow?, issues }`: check and merge a
 *   workflow.yaml with the workflows it `extends`; the loader calls it with
 *   `loadBase = (name) => SourceFile of definitions/_workflows/<name>.yaml | undefined`.
 * - `transition(definition, request | null, event, actor, now, { registry? }) → { next, effects } | { issues }`:
 *   the pure transition function; the server saves `next` and carries out `effects` in one transaction.
 * - `allowedEvents(definition, request | null, actor, now)`: the events an actor may fire now.
 * - `defaultWorkflowRegistry` / `createWorkflowRegistry()` / `WorkflowRegistry`: guards and effects by name.
 */
export { checkWorkflow, type CheckWorkflowOptions, type CheckWorkflowResult } from './checkWorkflow.js';
export { transition, type TransitionResult } from './transition.js';
export { allowedEvents, type AllowedEvent } from './allowedEvents.js';
export { createWorkflowRegistry, defaultWorkflowRegistry } from './defaultRegistry.js';
export { WorkflowRegistry, type ArgumentProblem, type ArgumentScope, type EffectDefinition, type EffectOutcome, type GuardDefinition, type TransitionContext } from './registry.js';
export { EFFECT_TYPES, type DataChange, type Effect, type EffectOf, type EffectType, type Owner } from './Effect.js';
export { BUILT_IN_ROLES, actorRoles, knownRoles, roleLabel, type BuiltInRole } from './roles.js';
export { workflowMetaSchema } from './workflowMetaSchema.js';
export { registryReference } from './registryReference.js';
export { dataChanges } from './dataChanges.js';
export {
  CREATE_EVENT,
  REASON_REQUIREMENTS,
  type Call,
  type Origin,
  type ReasonRequirement,
  type ReasonRule,
  type Transition,
  type Workflow,
  type WorkflowEvent,
  type WorkflowState,
} from './Workflow.js';
