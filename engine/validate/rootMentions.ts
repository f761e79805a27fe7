import type { JsonSchema } from '../schema/JsonSchema.js';
import { resolveLocalRef } from '../schema/subschemasAt.js';
import { isPlainObject } from './jsonValue.js';

/**
 * The top-level property names a root-level rule talks about: its properties, required names and
 * dependencies, through allOf/anyOf/oneOf/not/if/then/else and $ref (all of which describe the root too).
 */
export function rootMentions(root: JsonSchema, rule: unknown, into = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!isPlainObject(rule) || seen.has(rule)) return into;
  seen.add(rule);
  const node = rule as JsonSchema;
  if (isPlainObject(node.properties)) for (const k of Object.keys(node.properties)) into.add(k);
  if (Array.isArray(node.required)) for (const k of node.required) into.add(String(k));
  if (isPlainObject(node.dependencies)) {
    for (const [k, dep] of Object.entries(node.dependencies)) {
      into.add(k);
      if (Array.isArray(dep)) dep.forEach((d) => into.add(String(d)));
      else rootMentions(root, dep, into, seen);
    }
  }
  if (typeof node.$ref === 'string') rootMentions(root, resolveLocalRef(root, node.$ref), into, seen);
  for (const list of [node.allOf, node.anyOf, node.oneOf]) if (Array.isArray(list)) list.forEach((s) => rootMentions(root, s, into, seen));
  for (const s of [node.not, node.if, node.then, node.else]) rootMentions(root, s, into, seen);
  return into;
}
