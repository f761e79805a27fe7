import type { JsonSchema } from '../schema/JsonSchema.js';
import { subschemasAt, titleAt } from '../schema/subschemasAt.js';
import { isPlainObject } from './jsonValue.js';

const INDEX = /^\d+$/;

/**
 * Names fields in French messages by their titles: `« Numéro de téléphone » (Contact technique)`. The
 * parent is named when the field is not directly in a step, so two e-mails of two contacts differ.
 */
export interface FieldLabeler {
  /** `« Title »`, followed by ` (Parent title)` below the step level. */
  label(path: readonly string[]): string;
  /** The field's title alone. */
  title(path: readonly string[]): string;
  /** ` (Parent title)` for a field below the step level, else an empty string. */
  context(path: readonly string[]): string;
}

/** A labeler reading titles from `root` (the prepared schema). Runs on the error path only. */
export function createFieldLabeler(root: JsonSchema): FieldLabeler {
  const title = (path: readonly string[]): string => {
    if (!path.length) return 'La demande';
    const key = path[path.length - 1]!;
    const parent = path.slice(0, -1);
    if (INDEX.test(key)) {
      const list = title(parent);
      // A scope is named by its value in the message; its position in the stored (sorted) list would mislead.
      if (parent.length === 1 && parent[0] === 'scopes') return list;
      return `${list} n° ${Number(key) + 1}`;
    }
    // Where a field is declared twice (an allOf part refining a shared block), the later declaration is
    // the more specific one, like an override.
    const declarations = subschemasAt(root, parent).map((s) => (isPlainObject(s.properties) ? s.properties[key] : undefined));
    for (let i = declarations.length - 1; i >= 0; i--) {
      const t = declarations[i]?.title;
      if (typeof t === 'string') return t;
    }
    return titleAt(root, path) ?? key;
  };
  const context = (path: readonly string[]) => (path.length >= 3 ? ` (${title(path.slice(0, -1))})` : '');
  return {
    title,
    context,
    label: (path) => (path.length ? `« ${title(path)} »${context(path)}` : title(path)),
  };
}
