import type { JsonSchema } from './JsonSchema.js';

/** Resolve a local `#/…` reference inside a bundled schema; undefined when it does not resolve. */
export function resolveLocalRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined; // a malformed %-escape points at nothing
    }
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/**
 * Every subschema that may describe the same instance as `schema`: itself, what its local $ref points at,
 * and its allOf/anyOf/oneOf, if/then/else and dependencies branches, recursively. Used to ask "which
 * properties can exist here", whatever branch applies.
 */
export function expandBranches(root: JsonSchema, schema: JsonSchema, seen = new Set<JsonSchema>()): JsonSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out: JsonSchema[] = [schema];
  const visit = (s: unknown) => {
    if (s && typeof s === 'object' && !Array.isArray(s)) out.push(...expandBranches(root, s as JsonSchema, seen));
  };
  if (typeof schema.$ref === 'string') visit(resolveLocalRef(root, schema.$ref));
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf]) list?.forEach(visit);
  visit(schema.then);
  visit(schema.else);
  if (schema.dependencies) for (const dep of Object.values(schema.dependencies)) if (!Array.isArray(dep)) visit(dep);
  return out;
}

/** The schemas of property `key` of an object described by `schema`, across all its branches. */
export function propertySchemas(root: JsonSchema, schema: JsonSchema, key: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of expandBranches(root, schema)) {
    const p = s.properties?.[key];
    if (p && typeof p === 'object') out.push(...expandBranches(root, p));
  }
  return out;
}

/** The property names an object described by `schema` may have, across all its branches. */
export function knownProperties(root: JsonSchema, schema: JsonSchema): Set<string> {
  const keys = new Set<string>();
  for (const s of expandBranches(root, schema)) for (const k of Object.keys(s.properties ?? {})) keys.add(k);
  return keys;
}

/** The schemas of the items of an array described by `schema`, across all its branches. */
export function itemSchemas(root: JsonSchema, schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of expandBranches(root, schema)) {
    const items = s.items;
    if (Array.isArray(items)) items.forEach((i) => out.push(...expandBranches(root, i)));
    else if (items && typeof items === 'object') out.push(...expandBranches(root, items));
  }
  return out;
}

/**
 * The schemas that describe the instance at `path` (data segments; numeric segments step into arrays).
 * Empty when the path leaves what the schema declares.
 */
export function subschemasAt(root: JsonSchema, path: readonly string[]): JsonSchema[] {
  let current = expandBranches(root, root);
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      if (/^\d+$/.test(segment) && (s.items || s.type === 'array')) next.push(...itemSchemas(root, s));
      else next.push(...propertySchemas(root, s, segment));
    }
    current = [...new Set(next)];
    if (!current.length) return [];
  }
  return current;
}

/** The first title found for the instance at `path`, if any. */
export function titleAt(root: JsonSchema, path: readonly string[]): string | undefined {
  for (const s of subschemasAt(root, path)) if (typeof s.title === 'string') return s.title;
  return undefined;
}
