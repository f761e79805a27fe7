/**
 * Helpers a convention template may call, by name. The renderer registers exactly these on its Handlebars
 * instance; `datapass check` refuses any other name. Each is pure and returns plain text (Handlebars escapes it).
 */
export const CONVENTION_HELPERS: Record<string, { description: string; fn: (...args: unknown[]) => unknown }> = {
  date_fr: {
    description: 'A date as "23 novembre 2026" (empty when absent).',
    fn: (value) => {
      if (typeof value !== 'string' && !(value instanceof Date)) return '';
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
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
  default: {
    description: 'The value, or the fallback when the value is empty.',
    fn: (value, fallback) => (value === undefined || value === null || value === '' ? fallback : value),
  },
};

/** Handlebars' own helpers. */
export const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;
