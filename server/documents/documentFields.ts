import { itemSchemas, subschemasAt, type JsonSchema } from '../../engine/index.js';
import { MAX_FILES } from './uploadLimits.js';

/** A schema describing one uploaded file's reference: an object with an `id` and a `content_type`. */
export const isDocumentSchema = (s: JsonSchema): boolean => Boolean(s.properties?.id && s.properties?.content_type);

/**
 * The content types a document field accepts (its items' `content_type` const or enum) and how many files it
 * keeps, from the schema at `pointer`; undefined when `pointer` is not a document field.
 */
export function acceptedTypes(schema: JsonSchema, pointer: string): { types: string[]; maxItems: number } | undefined {
  if (!/^(\/[^/]+)+$/.test(pointer)) return undefined;
  const list = subschemasAt(schema, pointer.slice(1).split('/'));
  const types = new Set<string>();
  let maxItems = MAX_FILES;
  for (const s of list) if (typeof s.maxItems === 'number') maxItems = Math.min(maxItems, s.maxItems);
  for (const s of list.flatMap((l) => itemSchemas(schema, l))) {
    const ct = s.properties?.content_type as JsonSchema | undefined;
    if (ct && typeof ct.const === 'string') types.add(ct.const);
    if (ct && Array.isArray(ct.enum)) for (const v of ct.enum) if (typeof v === 'string') types.add(v);
  }
  return types.size ? { types: [...types], maxItems } : undefined;
}
