import type { JsonSchema } from '../schema/JsonSchema.js';
import { expandBranches, itemSchemas, subschemasAt } from '../schema/subschemasAt.js';

/** The `{ const, title }` options of the field at `path` (or of its items), by JSON value. */
export function optionTitles(root: JsonSchema, path: readonly string[]): Map<string, string> {
  const titles = new Map<string, string>();
  const fields = subschemasAt(root, path);
  for (const s of [...fields, ...fields.flatMap((f) => itemSchemas(root, f))]) {
    for (const option of [...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((o) => expandBranches(root, o))) {
      if ('const' in option && typeof option.title === 'string') titles.set(JSON.stringify(option.const), option.title);
    }
  }
  return titles;
}

/**
 * Helpers a convention template may call, by name. The renderer registers exactly these on its Handlebars
 * instance; `datapass check` refuses any other name. Each is pure and returns plain text (Handlebars escapes it).
 */
export const CONVENTION_HELPERS: Record<string, { description: string; fn: (...args: unknown[]) => unknown }> = {
  date_fr: {
    description: 'A date as "23 novembre 2026", the first of the month as "1er mars 2027" (empty when absent).',
    fn: (value) => {
      if (typeof value !== 'string' && !(value instanceof Date)) return '';
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return '';
      const text = date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
      return text.replace(/^1 /, '1er ');
    },
  },
  join: {
    description: 'The items of a list joined by ", ".',
    fn: (list) => (Array.isArray(list) ? list.map(String).join(', ') : ''),
  },
  eq: {
    description: 'True when both values are equal (for #if).',
    fn: (a, b) => a === b,
  },
  option_labels: {
    description:
      'The titles of the chosen options of a field, joined by ", ": `{{option_labels "modalities.modalities" data.modalities.modalities}}` gives "Par l\'IBAN, Par le numéro fiscal (SPI)". The first argument is the field\'s path in the data (checked by datapass check); the titles come from the oneOf/anyOf `{ const, title }` options of the field (or of its items). A value without a title is shown as it is.',
    fn: (path, value, options) => {
      const schema = (options as { data?: { schema?: JsonSchema } } | undefined)?.data?.schema;
      const values = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
      if (typeof path !== 'string' || !schema) return values.map(String).join(', ');
      const titles = optionTitles(schema, path.split('.'));
      return values.map((v) => titles.get(JSON.stringify(v)) ?? String(v)).join(', ');
    },
  },
  default: {
    description: 'The value, or the fallback when the value is empty.',
    fn: (value, fallback) => (value === undefined || value === null || value === '' ? fallback : value),
  },
};

/** Handlebars' own helpers. */
export const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;
