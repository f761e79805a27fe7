import type { RJSFSchema } from '@rjsf/utils';
import { resolveLocalRef } from './resolveLocalRef.js';

type Node = RJSFSchema;

function isNode(value: unknown): value is Node {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every subschema that may describe the same value as `schema`, whatever the data: itself, what its local
 * `$ref` points at in `rootSchema`, and its allOf/anyOf/oneOf, then/else and dependencies branches, recursively.
 * Answers "which properties can this object have" without asking the validator which branch applies.
 */
export function schemaBranches(schema: unknown, rootSchema: object, seen = new Set<Node>()): Node[] {
  if (!isNode(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const out: Node[] = [schema];
  const visit = (s: unknown) => out.push(...schemaBranches(s, rootSchema, seen));
  if (typeof schema.$ref === 'string') visit(resolveLocalRef(rootSchema, schema.$ref));
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf]) if (Array.isArray(list)) list.forEach(visit);
  visit(schema.then);
  visit(schema.else);
  if (isNode(schema.dependencies)) for (const dependency of Object.values(schema.dependencies)) visit(dependency);
  return out;
}

/** The property names an object described by `schema` may have, across its branches. */
export function propertyNames(schema: unknown, rootSchema: object): Set<string> {
  const names = new Set<string>();
  for (const branch of schemaBranches(schema, rootSchema)) for (const name of Object.keys(branch.properties ?? {})) names.add(name);
  return names;
}

/** The subschemas of property `name`, across the branches of `schema` and of the property itself. */
export function propertySchemas(schema: unknown, rootSchema: object, name: string): Node[] {
  const out: Node[] = [];
  for (const branch of schemaBranches(schema, rootSchema)) out.push(...schemaBranches(branch.properties?.[name], rootSchema));
  return out;
}

/** The subschemas of the items of an array described by `schema`, across branches. */
export function itemSchemas(schema: unknown, rootSchema: object): Node[] {
  const out: Node[] = [];
  for (const branch of schemaBranches(schema, rootSchema)) {
    const items = branch.items;
    if (Array.isArray(items)) items.forEach((item) => out.push(...schemaBranches(item, rootSchema)));
    else out.push(...schemaBranches(items, rootSchema));
  }
  return out;
}

/** The first value of `keyword` found across the branches of `schema`. */
export function keywordOf<K extends keyof Node>(schemas: Node[], keyword: K): Node[K] | undefined {
  for (const s of schemas) if (s[keyword] !== undefined) return s[keyword];
  return undefined;
}
