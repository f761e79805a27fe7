import { REASON_REQUIREMENTS } from './Workflow.js';

/** State, event, role, guard and effect names. Leading `_` is refused so `__proto__` never names anything. */
export const WORKFLOW_NAME_PATTERN = '^[a-z][a-z0-9_]*$';

const name = { type: 'string', pattern: WORKFLOW_NAME_PATTERN };
const text = { type: 'string', minLength: 1 };

// Names used as keys are checked by readLayer, which can point at the key itself.
// The keywords of each alternative only apply to its own JSON type, so one schema without oneOf gives
// one precise error instead of one per alternative.
const reason = {
  type: ['string', 'object'],
  if: { type: 'string' },
  then: { enum: REASON_REQUIREMENTS },
  additionalProperties: { enum: REASON_REQUIREMENTS },
};

/** A guard or effect: its name, or a mapping of its name to its argument. */
const call = {
  type: ['string', 'object'],
  pattern: WORKFLOW_NAME_PATTERN,
  minProperties: 1,
  maxProperties: 1,
};

const calls = { type: 'array', items: call };
/** Any value: readReasonMaxLength reports a bad one with the allowed range. */
const reasonMaxLength = {};
const actors = { type: 'array', items: name };

const transitionObject = {
  type: 'object',
  additionalProperties: false,
  properties: { target: name, description: text, actors, reason, reason_max_length: reasonMaxLength, guards: calls, effects: calls },
};

/** One transition, a list of guarded branches (empty: forbidden here), or null to remove an inherited one. */
const transition = {
  type: ['object', 'array', 'null'],
  additionalProperties: false,
  properties: transitionObject.properties,
  items: transitionObject,
};

const on = { type: 'object', additionalProperties: transition };

const state = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { label: text, description: text, final: { type: 'boolean' }, on },
};

const event = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { label: text, description: text, actors, reason, reason_max_length: reasonMaxLength, guards: calls, effects: calls },
};

/** The format of definitions/_workflows/*.yaml and of a definition's workflow.yaml (see definitions/_workflows/README.md). */
export const workflowMetaSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: name,
    description: text,
    initial: name,
    roles: actors,
    states: { type: 'object', additionalProperties: state },
    events: { type: 'object', additionalProperties: event },
    on,
  },
  // A workflow of its own must say everything; an extension only what differs.
  if: { not: { required: ['extends'] } },
  then: { required: ['initial', 'states', 'events'] },
} as const;
