import { Ajv, type ValidateFunction } from 'ajv';
import type { IssueCode } from '../issues/catalogue.js';
import { suggestion } from '../issues/didYouMean.js';
import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import type { SourceFile } from '../source/SourceFile.js';
import type { Draft } from './mergeLayers.js';
import type { ArgumentScope, WorkflowRegistry } from './registry.js';
import { CREATE_EVENT, type Call, type Origin, type ReasonRule } from './Workflow.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

function argumentValidator(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
}

interface Context {
  draft: Draft;
  files: ReadonlyMap<string, SourceFile>;
  registry: WorkflowRegistry;
  roles: readonly string[];
  /** The file being checked, where a missing `create` event is reported. */
  main: SourceFile;
}

/**
 * Every name a merged workflow uses that it does not declare or the registry does not hold: initial
 * state, events, targets, roles, guards, effects and their arguments; plus what a merge may leave
 * incomplete (a label, the actors, the `create` event).
 */
export function checkReferences(context: Context): Issue[] {
  const { draft, files, registry, roles } = context;
  const issues: Issue[] = [];
  const states = [...draft.states.keys()];
  const events = [...draft.events.keys()];
  const scope: ArgumentScope = { states, events, roles };
  const report = (at: Origin, suffix: string, code: IssueCode, what: string, hint?: string, key = false) => {
    const file = files.get(at.file);
    if (file) issues.push(fileIssue(file, code, at.pointer + suffix, what, hint, { key }));
  };

  const checkRoles = (list: readonly string[] | undefined, at: Origin | undefined, where: string) =>
    list?.forEach((role, i) => {
      if (!roles.includes(role) && at) report(at, `/${i}`, 'WORKFLOW_UNKNOWN_ROLE', `Unknown role "${role}" in ${where}`, suggestion(role, roles, 'Known roles') + ' Other roles are declared in `roles`, in the workflow or in definition.yaml.');
    });
  const checkReason = (rule: ReasonRule | undefined, at: Origin | undefined, where: string) => {
    if (!rule || typeof rule === 'string' || !at) return;
    for (const role of Object.keys(rule)) {
      if (!roles.includes(role)) report(at, `/${role}`, 'WORKFLOW_UNKNOWN_ROLE', `Unknown role "${role}" in the reason of ${where}`, suggestion(role, roles, 'Known roles'), true);
    }
  };
  const checkCalls = (calls: readonly Call[] | undefined, kind: 'guard' | 'effect') => {
    for (const call of calls ?? []) checkCall(call, kind);
  };
  const checkCall = (call: Call, kind: 'guard' | 'effect') => {
    const Kind = kind === 'guard' ? 'Guard' : 'Effect';
    const registered = kind === 'guard' ? registry.guards : registry.effects;
    const definition = registered.get(call.name);
    if (!definition) {
      report(call.at, '', kind === 'guard' ? 'WORKFLOW_UNKNOWN_GUARD' : 'WORKFLOW_UNKNOWN_EFFECT', `Unknown ${kind} "${call.name}"`, suggestion(call.name, registered.keys(), `Known ${kind}s`) + ' See definitions/_workflows/README.md.', true);
      return;
    }
    const argumentAt = `/${call.name}`;
    const hasArgument = 'args' in call;
    if (!definition.argumentSchema) {
      if (hasArgument) report(call.at, argumentAt, 'WORKFLOW_BAD_ARGUMENT', `${Kind} "${call.name}" takes no argument`, `Write it as a bare name: \`- ${call.name}\`.`);
      return;
    }
    if (!hasArgument) {
      report(call.at, '', 'WORKFLOW_BAD_ARGUMENT', `${Kind} "${call.name}" needs an argument`, `Write it as \`- ${call.name}: <argument>\`, the argument being ${definition.argument}.`);
      return;
    }
    const validate = argumentValidator(definition.argumentSchema);
    if (!validate(call.args)) {
      const error = validate.errors?.[0];
      report(call.at, argumentAt + (error?.instancePath ?? ''), 'WORKFLOW_BAD_ARGUMENT', `Bad argument for ${kind} "${call.name}": ${error?.message ?? 'invalid'}`, `Expected ${definition.argument}.`);
      return;
    }
    for (const problem of definition.checkArgument?.(call.args, scope) ?? []) report(call.at, argumentAt + (problem.pointer ?? ''), problem.code, problem.what, problem.hint);
  };

  if (draft.initial && !draft.states.has(draft.initial.name)) {
    report(draft.initial.at, '', 'WORKFLOW_UNKNOWN_STATE', `Unknown initial state "${draft.initial.name}"`, suggestion(draft.initial.name, states, 'Known states'));
  }
  if (draft.declaresEvents && !draft.events.has(CREATE_EVENT)) {
    issues.push(fileIssue(context.main, 'WORKFLOW_CREATE_EVENT', '', 'The workflow declares no `create` event', 'Declare `create` under `events`: who may create a request and its effects.'));
  }

  for (const [name, state] of draft.states) {
    if (state.label === undefined) report(state.at, '', 'META_SCHEMA', `Missing key "label" in state "${name}"`, 'Every state has a French label: see definitions/_workflows/README.md.', true);
  }
  const ons = [
    ...[...draft.states].map(([name, state]) => ({ where: `state "${name}"`, on: state.on, final: state.final })),
    { where: 'the workflow-wide `on`', on: draft.on, final: false },
  ];
  for (const { where, on, final } of ons) {
    for (const [event, entry] of on) {
      if (final && entry.transitions.length) {
        report(entry.at, '', 'WORKFLOW_FINAL_STATE_TRANSITION', `Transition "${event}" out of the final ${where}`, 'Remove the transition, or remove `final: true`.', true);
      }
      if (event === CREATE_EVENT) {
        report(entry.at, '', 'WORKFLOW_CREATE_EVENT', `"create" used as a transition in ${where}`, 'A request is created in the `initial` state; remove this transition.', true);
      } else if (!draft.events.has(event)) {
        report(entry.at, '', 'WORKFLOW_UNKNOWN_EVENT', `Unknown event "${event}" in ${where}`, suggestion(event, events, 'Known events') + ' Declare it under `events`.', true);
      }
      for (const t of entry.transitions) {
        if (t.target !== undefined && !draft.states.has(t.target)) {
          report(t.at, '/target', 'WORKFLOW_UNKNOWN_TARGET', `Unknown target state "${t.target}" in transition "${event}"`, suggestion(t.target, states, 'Known states'));
        }
        checkRoles(t.actors, { file: t.at.file, pointer: `${t.at.pointer}/actors` }, `transition "${event}"`);
        checkReason(t.reason, { file: t.at.file, pointer: `${t.at.pointer}/reason` }, `transition "${event}"`);
        checkCalls(t.guards, 'guard');
        checkCalls(t.effects, 'effect');
      }
    }
  }

  for (const [name, event] of draft.events) {
    for (const key of ['label', 'actors'] as const) {
      if (event.fields[key] === undefined) report(event.at, '', 'META_SCHEMA', `Missing key "${key}" in event "${name}"`, 'Every event has a French label and the roles that may fire it: see definitions/_workflows/README.md.', true);
    }
    checkRoles(event.fields.actors, event.fieldsAt.actors, `event "${name}"`);
    checkReason(event.fields.reason, event.fieldsAt.reason, `event "${name}"`);
    checkCalls(event.fields.guards, 'guard');
    checkCalls(event.fields.effects, 'effect');
  }
  return issues;
}
