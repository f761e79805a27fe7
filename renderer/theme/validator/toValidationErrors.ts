import type { OutputUnit } from '@cfworker/json-schema';
import type { RJSFValidationError } from '@rjsf/utils';
import { segmentsFromPointer } from '../lib/jsonPointer.js';
import { frenchMessage } from './frenchMessage.js';
import { resolveLocalRef } from '../lib/resolveLocalRef.js';
import { schemaAtLocation } from './schemaAtLocation.js';

/** Keywords whose error only says that a subschema failed: the subschema's own errors say where and why. */
const WRAPPERS = new Set([
  '$ref', '$recursiveRef', 'properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties',
  'items', 'prefixItems', 'additionalItems', 'unevaluatedItems', 'allOf', 'if', 'dependentSchemas', 'propertyNames',
]);
/** Keywords that report for their branches: the branches' own errors would only confuse. */
const COMPOSITES = new Set(['anyOf', 'oneOf', 'not', 'contains']);

type Node = Record<string, unknown>;

function isWrapper(unit: OutputUnit): boolean {
  if (WRAPPERS.has(unit.keyword)) return true;
  return unit.keyword === 'dependencies' && unit.error.includes('dependant schema');
}

/** The property a `required`-like error is about, quoted in @cfworker/json-schema's message. */
function missingProperty(unit: OutputUnit): string | undefined {
  if (unit.keyword === 'required') return /required property "(.*)"\.$/.exec(unit.error)?.[1];
  if (unit.keyword === 'dependentRequired' || unit.keyword === 'dependencies') return /does not have "(.*)"\.$/.exec(unit.error)?.[1];
  return undefined;
}

function titleOf(node: Node | undefined, rootSchema: object): string | undefined {
  if (!node) return undefined;
  if (typeof node.title === 'string') return node.title;
  return typeof node.$ref === 'string' ? titleOf(resolveLocalRef(rootSchema, node.$ref), rootSchema) : undefined;
}

/** The `errorMessage` (ajv-errors) the schema gives for this keyword, if any. */
function customMessage(node: Node | undefined, keyword: string, property: string | undefined): string | undefined {
  const spec = node?.errorMessage;
  if (typeof spec === 'string') return spec;
  if (!spec || typeof spec !== 'object') return undefined;
  const forKeyword = (spec as Node)[keyword];
  if (typeof forKeyword === 'string') return forKeyword;
  if (property && forKeyword && typeof forKeyword === 'object') {
    const forProperty = (forKeyword as Node)[property];
    if (typeof forProperty === 'string') return forProperty;
  }
  return undefined;
}

/** A message of the definitions may be a predicate (« doit être un fichier PDF »): it then needs its subject. */
function sentence(message: string, title: string | undefined): string {
  if (!/^\p{Ll}/u.test(message)) return message;
  const subject = title ? `« ${title} »` : 'Ce champ';
  return `${subject} ${message.replace(/\.$/, '')}.`;
}

/**
 * rjsf's validation errors from @cfworker/json-schema's output: one error per failed keyword, at the property it
 * is about (`required` names the missing property, as rjsf's ajv validator does), in French, using the
 * schema's own `errorMessage` when it has one.
 */
export function toValidationErrors(units: OutputUnit[], schema: object, rootSchema: object): RJSFValidationError[] {
  const composites = units.filter((u) => COMPOSITES.has(u.keyword)).map((u) => `${u.keywordLocation}/`);
  const seen = new Set<string>();
  const errors: RJSFValidationError[] = [];
  for (const unit of units) {
    if (isWrapper(unit)) continue;
    if (composites.some((prefix) => unit.keywordLocation.startsWith(prefix))) continue;
    const segments = segmentsFromPointer(unit.instanceLocation);
    const missing = missingProperty(unit);
    if (missing !== undefined) segments.push(missing);
    const node = unit.keyword === 'false' ? undefined : schemaAtLocation(schema, rootSchema, unit.keywordLocation);
    const propertySchema = missing !== undefined ? (node?.properties as Record<string, Node> | undefined)?.[missing] : node;
    const title = titleOf(propertySchema, rootSchema);
    const custom = customMessage(node, unit.keyword, missing);
    const message = custom ? sentence(custom, title) : frenchMessage({ keyword: unit.keyword, schema: node, fallback: unit.error });
    const property = `.${segments.join('.')}`;
    const key = `${property}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({
      name: unit.keyword,
      property,
      message,
      params: missing !== undefined ? { missingProperty: missing } : {},
      schemaPath: unit.keywordLocation,
      stack: `${property} ${message}`,
      ...(title ? { title } : {}),
    });
  }
  return errors;
}
