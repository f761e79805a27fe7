import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { knownProperties, subschemasAt } from '../../engine/schema/subschemasAt.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The data with an empty object wherever the step declares an object the applicant has not touched yet (a
 * whole step, a contact card), so that « Suivant » gets one error per missing field, each shown next to it,
 * instead of a single error on the untouched block.
 */
export function withEmptyObjects(root: JsonSchema, stepId: string, data: Record<string, unknown>): Record<string, unknown> {
  const fill = (path: string[], value: unknown): unknown => {
    const schemas = subschemasAt(root, path);
    const isObjectSchema = schemas.some((s) => s.type === 'object' || (s.properties && typeof s.properties === 'object'));
    if (!isObjectSchema || (value !== undefined && !isObject(value))) return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown> | undefined) };
    const keys = new Set<string>();
    for (const s of schemas) for (const k of knownProperties(root, s)) keys.add(k);
    for (const key of keys) {
      const child = fill([...path, key], out[key]);
      if (child !== undefined) out[key] = child;
    }
    return out;
  };
  return { ...data, [stepId]: fill([stepId], data[stepId]) };
}
