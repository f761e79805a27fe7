import type { RJSFSchema } from '@rjsf/utils';

/** `step`, `min` and `max` of a numeric input. */
export function numberAttributes(schema: RJSFSchema, type: string): { step?: number | 'any'; min?: number; max?: number } {
  if (type !== 'number') return {};
  const out: { step?: number | 'any'; min?: number; max?: number } = {};
  if (typeof schema.multipleOf === 'number') out.step = schema.multipleOf;
  else out.step = schema.type === 'integer' ? 1 : 'any';
  if (typeof schema.minimum === 'number') out.min = schema.minimum;
  if (typeof schema.maximum === 'number') out.max = schema.maximum;
  return out;
}
