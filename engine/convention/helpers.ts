import Handlebars from 'handlebars';
import type { ScopeGroup } from '../model/DefinitionMeta.js';
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

/** What the renderer passes to helpers as private data (`options.data`), besides Handlebars' own. */
interface PrivateData {
  schema?: JsonSchema;
  scopes?: readonly ScopeGroup[];
}
const privateData = (options: unknown): PrivateData => (options as { data?: PrivateData } | undefined)?.data ?? {};

/** Handlebars' block options, for the helpers that take a block. */
interface BlockOptions {
  fn?: (context: unknown, options?: { data?: unknown }) => string;
  inverse?: (context: unknown) => string;
  data?: unknown;
}

/**
 * Helpers a convention template may call, by name. The renderer registers exactly these on its Handlebars
 * instance; `datapass check` refuses any other name. Each is pure and returns plain text that Handlebars
 * escapes, except `list`, which escapes each item itself and returns the markup of a list.
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
    description: 'The items of a list joined by ", " (or by the second argument): `{{join data.x.emails}}`.',
    fn: (list, separator) => (Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : ''),
  },
  list: {
    description:
      'A bulleted list: `{{list data.x.items}}` gives `<ul><li>…</li></ul>` (each item escaped), nothing for an empty list; as a block, `{{#list data.x.people}}{{name}}{{else}}Aucun{{/list}}` renders each item with the block.',
    fn: (items, options) => {
      const block = options as BlockOptions | undefined;
      const list = Array.isArray(items) ? items : [];
      if (!list.length) return block?.inverse ? block.inverse(undefined) : '';
      if (block?.fn) {
        const fn = block.fn;
        const item = (value: unknown, index: number) => {
          const data = Handlebars.createFrame(block.data ?? {});
          Object.assign(data, { index, first: index === 0, last: index === list.length - 1 });
          return `<li>${fn(value, { data })}</li>`;
        };
        return `<ul>${list.map(item).join('')}</ul>`;
      }
      return new Handlebars.SafeString(`<ul>${list.map((item) => `<li>${Handlebars.escapeExpression(String(item))}</li>`).join('')}</ul>`);
    },
  },
  scope_label: {
    description: 'The label of a scope as definition.yaml declares it: `{{scope_label "cnous_statut_boursier"}}` gives "Statut boursier"; an unknown value is shown as it is.',
    fn: (value, options) => {
      if (typeof value !== 'string') return '';
      for (const group of privateData(options).scopes ?? []) for (const scope of group.items) if (scope.value === value) return scope.label;
      return value;
    },
  },
  eq: {
    description: 'True when both values are equal (for #if).',
    fn: (a, b) => a === b,
  },
  option_labels: {
    description:
      'The titles of the chosen options of a field, joined by ", ": `{{option_labels "modalities.modalities" data.modalities.modalities}}` gives "Par l\'IBAN, Par le numéro fiscal (SPI)". The first argument is the field\'s path in the data (checked by datapass check); the titles come from the oneOf/anyOf `{ const, title }` options of the field (or of its items). A value without a title is shown as it is.',
    fn: (path, value, options) => {
      const schema = privateData(options).schema;
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
