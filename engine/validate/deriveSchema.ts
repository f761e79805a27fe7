import type { UseCase } from '../model/DefinitionMeta.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { pointerSegments } from '../source/SourceFile.js';
import type { FieldLabeler } from './fieldLabel.js';
import { isPlainObject } from './jsonValue.js';
import { LOCKED_KEYWORD } from './lockedKeyword.js';
import type { PreparedSchema } from './prepareSchema.js';
import { enforces, type ResolvedContext } from './ResolvedContext.js';
import { rootMentions } from './rootMentions.js';
import { SCOPES_KEYWORD } from './scopesKeyword.js';
import { shapeOnly } from './shapeOnly.js';
import { TERMS_KEYWORD } from './termsKeyword.js';
import { lockedFields, scopeRules } from './useCaseRules.js';

const DEFINITIONS = '#/definitions/';
/** Where a step context keeps shape-only copies of the definitions, for the steps after it. */
const SHAPE_PREFIX = '__shape__';

/** Shape-only schemas shared by the contexts of one definition, built on first use. */
export interface ShapeCache {
  /** The whole schema, shape only (the save context). */
  root?: JsonSchema;
  /** Shape-only copies of `definitions`, under `__shape__<name>`. */
  definitions?: Record<string, JsonSchema>;
}

/**
 * The schema one (use case × context) validator is compiled from: the prepared schema with the context's
 * rules and the use case's scope limits and locked fields. Only what changes is copied.
 */
export function deriveSchema(prepared: PreparedSchema, context: ResolvedContext, useCase: UseCase | undefined, labeler: FieldLabeler, shapes: ShapeCache): JsonSchema {
  const root: JsonSchema =
    context.kind === 'save' ? { ...(shapes.root ??= shapeOnly(prepared.base, { placeholders: prepared.placeholders })) }
    : context.kind === 'submit' ? { ...prepared.base }
    : stepRoot(prepared, context.index, shapes);
  const enforced = (stepId: string) => enforces(context, stepId, prepared.stepIds);

  if (prepared.scopes && isPlainObject(root.properties?.scopes)) {
    const scopes: JsonSchema = { ...root.properties.scopes };
    if (enforced('scopes')) {
      // "At least one scope", unless the schema says its own minimum.
      if (scopes.minItems === undefined) scopes.minItems = 1;
      if (!root.required?.includes('scopes')) root.required = [...(root.required ?? []), 'scopes'];
    }
    const rules = scopeRules(prepared.scopes, useCase);
    if (rules) scopes[SCOPES_KEYWORD] = rules;
    root.properties = { ...root.properties, scopes };
  }

  if (context.kind === 'submit' && prepared.terms.length) root[TERMS_KEYWORD] = prepared.terms;

  const locked = lockedFields(useCase, labeler).map((f) => ({ ...f, strict: enforced(pointerSegments(f.pointer)[0] ?? '') }));
  if (locked.length) root[LOCKED_KEYWORD] = locked;
  return root;
}

/**
 * A step context: that step and the earlier ones with every rule; later steps with their shape only (so
 * half-filled later steps neither block "Next" nor slip in values of the wrong type); root `required`
 * and root-level rules kept only when every step they mention is enforced.
 */
function stepRoot(prepared: PreparedSchema, index: number, shapes: ShapeCache): JsonSchema {
  const { base, stepIds } = prepared;
  const enforced = new Set(stepIds.slice(0, index + 1));
  const later = new Set(stepIds.slice(index + 1));
  const renameRef = (ref: string) => (ref.startsWith(DEFINITIONS) ? DEFINITIONS + SHAPE_PREFIX + ref.slice(DEFINITIONS.length) : ref);
  const memo = new Map<object, unknown>();
  const shape = (s: JsonSchema) => shapeOnly(s, { placeholders: prepared.placeholders, renameRef }, memo);
  const applies = (rule: unknown) => [...rootMentions(base, rule)].every((name) => !later.has(name));

  const root: JsonSchema = { ...base };
  if (later.size) {
    root.properties = Object.fromEntries(Object.entries(base.properties ?? {}).map(([k, p]) => [k, later.has(k) ? shape(p) : p]));
    if (isPlainObject(base.definitions)) {
      shapes.definitions ??= Object.fromEntries(
        Object.entries(base.definitions).map(([k, d]) => [SHAPE_PREFIX + k, shapeOnly(d, { placeholders: prepared.placeholders, renameRef })]),
      );
      root.definitions = { ...base.definitions, ...shapes.definitions };
    }
  }
  if (Array.isArray(base.required)) root.required = base.required.filter((name) => enforced.has(name));
  if (Array.isArray(base.allOf)) root.allOf = base.allOf.map((rule) => (applies(rule) ? rule : shape(rule)));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(base[keyword]) && !applies({ [keyword]: base[keyword] })) {
      delete root[keyword];
      root.allOf = [...(root.allOf ?? []), shape({ [keyword]: base[keyword] })];
    }
  }
  if (base.not !== undefined && !applies({ not: base.not })) delete root.not;
  if (base.if !== undefined && !applies({ if: base.if, then: base.then, else: base.else })) {
    delete root.if;
    delete root.then;
    delete root.else;
  }
  if (isPlainObject(base.dependencies)) {
    root.dependencies = Object.fromEntries(Object.entries(base.dependencies).filter(([k, dep]) => applies({ dependencies: { [k]: dep } })));
  }
  return root;
}
