import { AUTHORIZATION_EFFECTS } from './builtins/authorizationEffects.js';
import { BUILTIN_GUARDS } from './builtins/builtinGuards.js';
import { COMMUNICATION_EFFECTS } from './builtins/communicationEffects.js';
import { DATA_EFFECTS } from './builtins/dataEffects.js';
import { OWNERSHIP_EFFECTS } from './builtins/ownershipEffects.js';
import { WorkflowRegistry } from './registry.js';

/** A registry holding the built-in guards and effects, registered through the public API. */
export function createWorkflowRegistry(): WorkflowRegistry {
  return new WorkflowRegistry()
    .addGuards(BUILTIN_GUARDS)
    .addEffects(DATA_EFFECTS)
    .addEffects(AUTHORIZATION_EFFECTS)
    .addEffects(COMMUNICATION_EFFECTS)
    .addEffects(OWNERSHIP_EFFECTS);
}

/** The registry used when none is given; an extension adds its guards and effects to it at startup. */
export const defaultWorkflowRegistry = createWorkflowRegistry();
