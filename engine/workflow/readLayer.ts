import { fileIssue } from '../issues/makeIssue.js';
import type { Issue } from '../issues/Issue.js';
import { toPointer, type SourceFile } from '../source/SourceFile.js';
import { readReasonMaxLength } from './readReasonMaxLength.js';
import { REASON_REQUIREMENTS, type Call, type EventField, type Origin, type ReasonRequirement, type ReasonRule, type Transition } from './Workflow.js';

/** `null` in a file: removes what a base declares under that name. */
export interface Removal {
  removed: true;
  at: Origin;
}

/** The branches written for one event in one `on`, with the place of the event's key. */
export interface LayerOn {
  transitions: Transition[];
  at: Origin;
}

export type LayerTransitions = LayerOn | Removal;

export interface LayerState {
  label?: string;
  description?: string;
  final?: boolean;
  on: Map<string, LayerTransitions>;
  at: Origin;
}

export interface LayerEvent {
  fields: { label?: string; description?: string; actors?: string[]; reason?: ReasonRule; reason_max_length?: number; guards?: Call[]; effects?: Call[] };
  fieldsAt: Partial<Record<EventField, Origin>>;
  at: Origin;
}

/** One workflow file as written, every piece with its place; pieces of the wrong shape are left out. */
export interface Layer {
  file: SourceFile;
  extends?: { name: string; at: Origin };
  description?: string;
  initial?: { name: string; at: Origin };
  /** Roles this workflow introduces, beside the built-in ones and definition.yaml `roles`. */
  roles: string[];
  states: Map<string, LayerState | Removal>;
  events: Map<string, LayerEvent | Removal>;
  on: Map<string, LayerTransitions>;
  /** The file has an `extends` key, even one of the wrong shape: it is meant as an extension. */
  extending: boolean;
  /** The file has an `events` mapping, even an empty one. */
  declaresEvents: boolean;
}

const NAME = /^[a-z][a-z0-9_]*$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** A label written with the wrong shape still counts as written: the meta-schema reports it, not "missing". */
const labelOf = (v: unknown): string | undefined => str(v) ?? (v === undefined ? undefined : '');

/**
 * Read a workflow file into a layer. Never throws: the meta-schema reports wrong shapes, this reports
 * only names used as keys that are not snake_case (so the issue can point at the key itself) and bad
 * `reason_max_length` values (so the issue can say the allowed range).
 */
export function readLayer(file: SourceFile): { layer: Layer; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (pointer: string): Origin => ({ file: file.path, pointer });
  const root = isObject(file.value) ? file.value : {};
  const layer: Layer = { file, roles: [], states: new Map(), events: new Map(), on: new Map(), extending: 'extends' in root, declaresEvents: isObject(root.events) };

  /** The entries of a mapping whose keys are names; badly named keys are reported and skipped. */
  const named = (value: unknown, pointer: string, what: string): [string, unknown, string][] => {
    if (!isObject(value)) return [];
    const out: [string, unknown, string][] = [];
    for (const [key, item] of Object.entries(value)) {
      const p = `${pointer}/${toPointer([key]).slice(1)}`;
      if (NAME.test(key)) out.push([key, item, p]);
      else issues.push(fileIssue(file, 'META_SCHEMA', p, `Invalid ${what} name "${key}"`, 'Names are snake_case: lower-case letters, digits and _, starting with a letter.', { key: true }));
    }
    return out;
  };

  const readCalls = (value: unknown, pointer: string, what: string): Call[] | undefined => {
    if (!Array.isArray(value)) return undefined;
    const out: Call[] = [];
    value.forEach((item, i) => {
      const p = `${pointer}/${i}`;
      if (typeof item === 'string' && NAME.test(item)) out.push({ name: item, at: at(p) });
      else if (isObject(item) && Object.keys(item).length === 1) {
        for (const [name, args] of named(item, p, what)) out.push({ name, args, at: at(p) });
      }
    });
    return out;
  };

  const readActors = (value: unknown): string[] | undefined =>
    Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string' && NAME.test(r)) : undefined;

  const isRequirement = (v: unknown): v is ReasonRequirement => (REASON_REQUIREMENTS as readonly unknown[]).includes(v);
  const readReason = (value: unknown, pointer: string): ReasonRule | undefined => {
    if (isRequirement(value)) return value;
    if (!isObject(value)) return undefined;
    const rule: Record<string, ReasonRequirement> = {};
    for (const [role, requirement] of named(value, pointer, 'role')) if (isRequirement(requirement)) rule[role] = requirement;
    return rule;
  };

  const readTransition = (value: Json, pointer: string): Transition => {
    const actors = readActors(value.actors);
    const reason = readReason(value.reason, `${pointer}/reason`);
    const reasonMaxLength = readReasonMaxLength(file, value.reason_max_length, `${pointer}/reason_max_length`, issues);
    const target = typeof value.target === 'string' && NAME.test(value.target) ? value.target : undefined;
    const description = str(value.description);
    return {
      ...(target ? { target } : {}),
      ...(actors ? { actors } : {}),
      ...(reason ? { reason } : {}),
      ...(reasonMaxLength !== undefined ? { reasonMaxLength } : {}),
      guards: readCalls(value.guards, `${pointer}/guards`, 'guard') ?? [],
      effects: readCalls(value.effects, `${pointer}/effects`, 'effect') ?? [],
      ...(description ? { description } : {}),
      at: at(pointer),
    };
  };

  const readOn = (value: unknown, pointer: string): Map<string, LayerTransitions> => {
    const map = new Map<string, LayerTransitions>();
    for (const [event, item, p] of named(value, pointer, 'event')) {
      if (item === null) map.set(event, { removed: true, at: at(p) });
      else if (Array.isArray(item)) map.set(event, { transitions: item.flatMap((branch, i) => (isObject(branch) ? [readTransition(branch, `${p}/${i}`)] : [])), at: at(p) });
      else if (isObject(item)) map.set(event, { transitions: [readTransition(item, p)], at: at(p) });
    }
    return map;
  };

  if (typeof root.extends === 'string' && NAME.test(root.extends)) layer.extends = { name: root.extends, at: at('/extends') };
  if (typeof root.initial === 'string' && NAME.test(root.initial)) layer.initial = { name: root.initial, at: at('/initial') };
  const description = str(root.description);
  if (description) layer.description = description;

  for (const [name, value, p] of named(root.states, '/states', 'state')) {
    if (value === null) layer.states.set(name, { removed: true, at: at(p) });
    else if (isObject(value)) {
      const label = labelOf(value.label);
      const stateDescription = str(value.description);
      layer.states.set(name, {
        ...(label !== undefined ? { label } : {}),
        ...(stateDescription ? { description: stateDescription } : {}),
        ...(typeof value.final === 'boolean' ? { final: value.final } : {}),
        on: readOn(value.on, `${p}/on`),
        at: at(p),
      });
    }
  }

  for (const [name, value, p] of named(root.events, '/events', 'event')) {
    if (value === null) layer.events.set(name, { removed: true, at: at(p) });
    else if (isObject(value)) {
      const fields: LayerEvent['fields'] = {};
      const label = labelOf(value.label);
      const eventDescription = str(value.description);
      const actors = readActors(value.actors) ?? (value.actors === undefined ? undefined : []);
      const reason = readReason(value.reason, `${p}/reason`);
      const reasonMaxLength = readReasonMaxLength(file, value.reason_max_length, `${p}/reason_max_length`, issues);
      const guards = readCalls(value.guards, `${p}/guards`, 'guard');
      const effects = readCalls(value.effects, `${p}/effects`, 'effect');
      if (label !== undefined) fields.label = label;
      if (eventDescription) fields.description = eventDescription;
      if (actors) fields.actors = actors;
      if (reason) fields.reason = reason;
      if (reasonMaxLength !== undefined) fields.reason_max_length = reasonMaxLength;
      if (guards) fields.guards = guards;
      if (effects) fields.effects = effects;
      const fieldsAt: LayerEvent['fieldsAt'] = {};
      for (const field of Object.keys(fields) as EventField[]) fieldsAt[field] = at(`${p}/${field}`);
      layer.events.set(name, { fields, fieldsAt, at: at(p) });
    }
  }

  layer.roles = readActors(root.roles) ?? [];
  layer.on = readOn(root.on, '/on');
  return { layer, issues };
}
