import type { JsonSchema } from '../schema/JsonSchema.js';
import { knownProperties, subschemasAt, titleAt } from '../schema/subschemasAt.js';
import { CONVENTION_HELPERS, optionTitles } from './helpers.js';

/** A value of the request as the generic convention shows it; each kind has its branch in templates/generic/value.hbs. */
export type GenericValue =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: GenericValue[] }
  | { kind: 'fields'; fields: GenericField[] }
  | { kind: 'contact'; contact: Record<string, unknown> };

/** A field with its title (from the schema) and its value. */
export interface GenericField {
  title: string;
  value: GenericValue;
}

/** What describing a value needs: the bundled schema (titles, options, formats) and ui.json (field order). */
export interface DescribeContext {
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
}

const dateFr = CONVENTION_HELPERS.date_fr!.fn;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The value at `path` (data segments, array indices as numbers in strings) as text, list, nested fields or
 * contact: option titles instead of raw values, Oui/Non for booleans, French dates, file names for documents.
 * Undefined when there is nothing to show (absent, empty text, empty list).
 */
export function describeValue(ctx: DescribeContext, path: readonly string[], value: unknown): GenericValue | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item, i) => describeValue(ctx, [...path, String(i)], item)).filter((v): v is GenericValue => !!v);
    return items.length ? { kind: 'list', items } : undefined;
  }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Oui' : 'Non' };
  if (isObject(value)) {
    if (typeof value.filename === 'string') return { kind: 'text', text: value.filename };
    const keys = knownKeys(ctx, path);
    if (typeof value.email === 'string' && keys.has('email') && keys.has('phone_number')) return { kind: 'contact', contact: value };
    const fields = describeFields(ctx, path, value);
    return fields.length ? { kind: 'fields', fields } : undefined;
  }
  const title = optionTitles(ctx.schema, path).get(JSON.stringify(value));
  if (title !== undefined) return { kind: 'text', text: title };
  const schemas = subschemasAt(ctx.schema, path);
  if (typeof value === 'string' && schemas.some((s) => s.format === 'date' || s.format === 'date-time')) {
    const text = dateFr(value) as string;
    return { kind: 'text', text: text || value };
  }
  if (typeof value === 'number') return { kind: 'text', text: String(value).replace('.', ',') };
  return { kind: 'text', text: String(value) };
}

/** The fields of an object with something to show, titled from the schema, in ui.json's order then the schema's. */
export function describeFields(ctx: DescribeContext, path: readonly string[], object: Record<string, unknown>): GenericField[] {
  const fields: GenericField[] = [];
  for (const key of orderedKeys(ctx, path, object)) {
    const value = describeValue(ctx, [...path, key], object[key]);
    if (value) fields.push({ title: titleAt(ctx.schema, [...path, key]) ?? key, value });
  }
  return fields;
}

function knownKeys(ctx: DescribeContext, path: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const s of subschemasAt(ctx.schema, path)) for (const k of knownProperties(ctx.schema, s)) keys.add(k);
  return keys;
}

/** The object's keys that the schema declares: first as `ui:order` lists them (`*` standing for the rest), then in schema order. */
function orderedKeys(ctx: DescribeContext, path: readonly string[], object: Record<string, unknown>): string[] {
  const declared = [...knownKeys(ctx, path)].filter((k) => Object.prototype.hasOwnProperty.call(object, k));
  const order = uiOrder(ctx.uiSchema, path);
  if (!order) return declared;
  const star = order.indexOf('*');
  const before = (star < 0 ? order : order.slice(0, star)).filter((k) => declared.includes(k));
  const after = (star < 0 ? [] : order.slice(star + 1)).filter((k) => declared.includes(k));
  return [...before, ...declared.filter((k) => !before.includes(k) && !after.includes(k)), ...after];
}

function uiOrder(uiSchema: Record<string, unknown>, path: readonly string[]): string[] | undefined {
  let node: unknown = uiSchema;
  for (const segment of path) {
    if (!isObject(node)) return undefined;
    node = /^\d+$/.test(segment) ? node.items : node[segment];
  }
  const order = isObject(node) ? node['ui:order'] : undefined;
  return Array.isArray(order) ? order.filter((k): k is string => typeof k === 'string') : undefined;
}
