/** Issues found while checking a workflow definition (its own file and what it extends). */
export const WORKFLOW_CODES = {
  WORKFLOW_EXTENDS_UNKNOWN: { title: 'Unknown base workflow', doc: '`extends` names a workflow that is not in definitions/_workflows/.' },
  WORKFLOW_UNKNOWN_STATE: { title: 'Unknown state', doc: 'A state named as `initial` that the workflow does not declare.' },
  WORKFLOW_UNKNOWN_TARGET: { title: 'Unknown target state', doc: 'A transition targets a state that the workflow does not declare.' },
  WORKFLOW_UNKNOWN_EVENT: { title: 'Unknown event', doc: 'A transition uses an event that is not declared under `events`.' },
  WORKFLOW_UNKNOWN_ROLE: { title: 'Unknown role', doc: 'An actor role that is neither built in nor declared in definition.yaml `roles`.' },
  WORKFLOW_UNKNOWN_GUARD: { title: 'Unknown guard', doc: 'A guard name that is not registered.' },
  WORKFLOW_UNKNOWN_EFFECT: { title: 'Unknown effect', doc: 'An effect name that is not registered.' },
  WORKFLOW_BAD_REASON_MAX_LENGTH: { title: 'Bad reason length limit', doc: '`reason_max_length` of an event or a transition is not a whole number of characters from 1 to 100,000.' },
  WORKFLOW_BAD_ARGUMENT: { title: 'Bad guard or effect argument', doc: 'A guard or effect is given arguments of the wrong shape.' },
  WORKFLOW_UNREACHABLE_STATE: { title: 'Unreachable state', doc: 'No sequence of transitions from the initial state reaches this state.' },
  WORKFLOW_DEAD_END: { title: 'Dead end', doc: 'A state that is not declared `final` has no transition leading to another state, so a request in it is stuck.' },
  WORKFLOW_EXTENDS_CYCLE: { title: 'Workflows extend each other', doc: '`extends` leads back to a workflow already on the chain.' },
  WORKFLOW_NOTHING_TO_REMOVE: { title: 'Nothing to remove', doc: '`null` removes an inherited state, event or transition, but the base has none by that name (often a typo).' },
  WORKFLOW_CREATE_EVENT: { title: 'Misplaced or missing `create` event', doc: 'Every workflow declares the event `create` under `events`; it leads to `initial` and is never a transition of a state.' },
  WORKFLOW_FINAL_STATE_TRANSITION: { title: 'Transition out of a final state', doc: 'A state declared `final` has transitions; a final state ends the request, so remove them or `final`.' },
} as const;
