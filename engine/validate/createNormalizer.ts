import type { UseCase } from '../model/DefinitionMeta.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { expandBranches, resolveLocalRef } from '../schema/subschemasAt.js';
import { pointerSegments } from '../source/SourceFile.js';
import type { BranchTests } from './branchTests.js';
import { cloneJson, isPlainObject, lookup, setOwn } from './jsonValue.js';
import type { PreparedSchema } from './prepareSchema.js';
import { TERMS_KEY } from './requiredTerms.js';
import { includedScopes } from './useCaseRules.js';

/** What applies to one value: the properties declared by the branches that hold, and its item schemas. */
interface Applicable {
  properties: Map<string, JsonSchema[]>;
  /** A branch that applies accepts keys it does not name (additionalProperties not false, patternProperties). */
  open: boolean;
  additional: JsonSchema[];
  items: JsonSchema[];
  tuple: JsonSchema[][];
}

/**
 * normalize(): the data as it should be stored. A property is kept when a schema that applies to its
 * object declares it: the object's own properties, $ref and allOf always apply; `then` or `else` as the
 * `if` decides; a `dependencies` schema when its key is present; the anyOf/oneOf branches the value fits
 * (all of them when it fits none, rather than lose data). Objects that declare no property anywhere keep
 * every key. Locked fields are set back to their prefilled value (before the branches are judged, and
 * again after), then included scopes are added.
 */
export function createNormalizer(prepared: PreparedSchema, tests: BranchTests): (data: unknown, useCase: UseCase | undefined) => Record<string, unknown> {
  const { source } = prepared;
  const declaresAny = new WeakMap<object, boolean>();
  const declares = (entry: JsonSchema) => {
    // A boolean schema (`true`/`false`) declares no property.
    if (!isPlainObject(entry)) return false;
    let known = declaresAny.get(entry);
    if (known === undefined) declaresAny.set(entry, (known = expandBranches(source, entry).some((s) => isPlainObject(s.properties))));
    return known;
  };

  const collect = (node: unknown, value: unknown, into: Applicable, seen: Set<unknown>) => {
    if (!isPlainObject(node) || seen.has(node)) return;
    seen.add(node);
    const s = node as JsonSchema;
    if (isPlainObject(s.properties)) {
      for (const [k, p] of Object.entries(s.properties)) into.properties.set(k, [...(into.properties.get(k) ?? []), p]);
    }
    if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
      into.open = true;
      if (isPlainObject(s.additionalProperties)) into.additional.push(s.additionalProperties);
    }
    if (s.patternProperties !== undefined) into.open = true;
    if (Array.isArray(s.items)) into.tuple.push(s.items);
    else if (isPlainObject(s.items)) into.items.push(s.items);
    if (typeof s.$ref === 'string') collect(resolveLocalRef(source, s.$ref), value, into, seen);
    s.allOf?.forEach((m) => collect(m, value, into, seen));
    if (s.if !== undefined) {
      const holds = tests.holds(s.if, value);
      if (holds !== false) collect(s.then, value, into, seen);
      if (holds !== true) collect(s.else, value, into, seen);
    }
    if (isPlainObject(s.dependencies) && isPlainObject(value)) {
      for (const [k, dep] of Object.entries(s.dependencies)) {
        if (!Array.isArray(dep) && Object.prototype.hasOwnProperty.call(value, k)) collect(dep, value, into, seen);
      }
    }
    for (const branches of [s.anyOf, s.oneOf]) {
      if (!Array.isArray(branches)) continue;
      const fitting = branches.filter((b) => tests.fits(b, value) !== false);
      (fitting.length ? fitting : branches).forEach((b) => collect(b, value, into, seen));
    }
  };

  const normalizeValue = (entries: JsonSchema[], value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (!entries.length) return cloneJson(value);
    const applicable: Applicable = { properties: new Map(), open: false, additional: [], items: [], tuple: [] };
    const seen = new Set<unknown>();
    for (const entry of entries) collect(entry, value, applicable, seen);
    if (Array.isArray(value)) {
      return value.map((item, i) => {
        const positional = applicable.tuple.flatMap((t) => (t[i] ? [t[i]!] : []));
        return normalizeValue(positional.length ? positional : applicable.items, item);
      });
    }
    const closed = !applicable.open && entries.some(declares);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const schemas = applicable.properties.get(key);
      if (schemas) setOwn(out, key, normalizeValue(schemas, item));
      else if (!closed) setOwn(out, key, normalizeValue(applicable.additional, item));
    }
    return out;
  };

  return (data, useCase) => {
    const locked = (useCase?.locked ?? []).map((pointer) => ({ segments: pointerSegments(pointer), prefilled: lookup(useCase?.prefill ?? {}, pointerSegments(pointer)) }));
    // Locked fields are set back before the branches are judged, so data of a branch that only the
    // applicant's changed value opened (an authorization id for a modality the use case fixes) is dropped.
    const input = isPlainObject(data) ? (locked.length ? (cloneJson(data) as Record<string, unknown>) : data) : {};
    for (const { segments, prefilled } of locked) restore(input, segments, prefilled);
    const out = normalizeValue([source], input) as Record<string, unknown>;
    // `terms` belongs to the engine, not to the schema as written.
    if (Object.prototype.hasOwnProperty.call(input, TERMS_KEY)) out[TERMS_KEY] = cloneJson(input[TERMS_KEY]);
    // And again after: a locked value is stored exactly as prefilled. Then a locked scope list is completed
    // with the included scopes, never stripped of them.
    for (const { segments, prefilled } of locked) restore(out, segments, prefilled);
    if (prepared.scopes) addIncludedScopes(out, includedScopes(prepared.scopes, useCase), prepared.scopes.values);
    return out;
  };
}

/**
 * Included scopes are always granted: add them, and store the scopes in declaration order so that two
 * submissions of the same choice compare equal. Values the definition does not declare are kept, after,
 * for validation to report.
 */
function addIncludedScopes(data: Record<string, unknown>, included: string[], order: string[]) {
  const current = data.scopes;
  if (current !== undefined && !Array.isArray(current)) return;
  if (current === undefined && !included.length) return;
  const chosen = new Set<unknown>([...(current ?? []), ...included]);
  const declared = new Set(order);
  data.scopes = [...order.filter((v) => chosen.has(v)), ...[...new Set(current ?? [])].filter((v) => typeof v !== 'string' || !declared.has(v))];
}

/** Put the prefilled value back at `segments` (or remove the field when the prefill leaves it empty). */
function restore(data: Record<string, unknown>, segments: string[], prefilled: { found: boolean; value: unknown }) {
  if (!segments.length) return;
  let node: Record<string, unknown> = data;
  for (const segment of segments.slice(0, -1)) {
    let next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (typeof next !== 'object' || next === null) {
      if (!prefilled.found) return;
      next = {};
      setOwn(node, segment, next);
    }
    node = next as Record<string, unknown>;
  }
  const last = segments[segments.length - 1]!;
  if (prefilled.found) setOwn(node, last, cloneJson(prefilled.value));
  else if (Array.isArray(node)) return;
  else delete node[last];
}
