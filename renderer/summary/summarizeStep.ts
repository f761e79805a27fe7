import { knownProperties, subschemasAt, type JsonSchema } from '../../engine/index.js';
import { sizeFr } from '../format/frenchDates.js';

export interface SummaryDocument {
  id: string;
  filename: string;
  size: string;
}

export interface SummaryRow {
  label: string;
  /** Where the answer is in the data, as a JSON pointer: a review page marks what changed. */
  pointer: string;
  /** The answer as text; empty when not filled in. */
  text: string;
  documents?: SummaryDocument[];
}

export interface SummarySection {
  title: string;
  pointer: string;
  rows: SummaryRow[];
  sections: SummarySection[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDocument = (v: unknown): v is { id: string; filename: string; size?: number } => isObject(v) && typeof v.id === 'string' && typeof v.filename === 'string';

/** The label of an enumerated value: a `oneOf` const's title, or `x-enum-labels` beside `enum`. */
function labelOf(schemas: JsonSchema[], value: unknown): string | undefined {
  for (const s of schemas) {
    for (const option of (s.oneOf ?? s.anyOf ?? []) as JsonSchema[]) {
      if (option && typeof option === 'object' && option.const === value && typeof option.title === 'string') return option.title;
    }
    const labels = (s as Record<string, unknown>)['x-enum-labels'];
    if (Array.isArray(s.enum) && Array.isArray(labels)) {
      const i = s.enum.indexOf(value as never);
      if (i >= 0 && typeof labels[i] === 'string') return labels[i];
    }
  }
  return undefined;
}

function scalarText(schemas: JsonSchema[], value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  const label = labelOf(schemas, value);
  if (label) return label;
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return String(value);
}

/** The keys of an object in the order the form shows them: ui:order, then the schema's, then any other. */
function orderedKeys(root: JsonSchema, schemas: JsonSchema[], ui: Record<string, unknown> | undefined, value: Record<string, unknown>): string[] {
  const declared: string[] = [];
  for (const s of schemas) for (const k of knownProperties(root, s)) if (!declared.includes(k)) declared.push(k);
  const order = Array.isArray(ui?.['ui:order']) ? (ui['ui:order'] as string[]).filter((k) => k !== '*') : [];
  const keys = [...order, ...declared, ...Object.keys(value)];
  return [...new Set(keys)].filter((k) => k in value);
}

/**
 * One step's answers as a reader sees them: each field by its title with its value in French (labels of
 * choices, Oui/Non, dates, file names), nested objects as sub-sections, in the form's order.
 */
export function summarizeStep(root: JsonSchema, uiSchema: Record<string, unknown>, stepId: string, stepTitle: string, data: Record<string, unknown>): SummarySection {
  return summarizeObject(root, [stepId], stepTitle, data[stepId], uiSchema[stepId] as Record<string, unknown> | undefined);
}

function summarizeObject(root: JsonSchema, path: string[], title: string, value: unknown, ui: Record<string, unknown> | undefined): SummarySection {
  const section: SummarySection = { title, pointer: toPointer(path), rows: [], sections: [] };
  const schemas = subschemasAt(root, path);
  if (!isObject(value)) {
    section.rows.push(row(root, path, title, value));
    return section;
  }
  for (const key of orderedKeys(root, schemas, ui, value)) {
    const childPath = [...path, key];
    const childSchemas = subschemasAt(root, childPath);
    const label = childSchemas.find((s) => typeof s.title === 'string')?.title ?? key;
    const child = value[key];
    const childUi = ui?.[key] as Record<string, unknown> | undefined;
    if (isObject(child) && !isDocument(child)) section.sections.push(summarizeObject(root, childPath, label, child, childUi));
    else if (Array.isArray(child) && child.some((c) => isObject(c) && !isDocument(c))) {
      child.forEach((item, i) => section.sections.push(summarizeObject(root, [...childPath, String(i)], `${label} n° ${i + 1}`, item, childUi?.items as Record<string, unknown> | undefined)));
    } else section.rows.push(row(root, childPath, label, child));
  }
  return section;
}

const toPointer = (path: string[]) => path.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** An answer as text, as a summary or a list of changes shows it. */
export function answerText(root: JsonSchema, path: string[], value: unknown): string {
  if (isDocument(value)) return value.filename;
  if (Array.isArray(value)) {
    if (value.every(isDocument)) return value.map((d) => d.filename).join(', ');
    const items = subschemasAt(root, [...path, '0']);
    return value.map((v) => (isObject(v) ? JSON.stringify(v) : scalarText(items, v))).join(', ');
  }
  if (isObject(value)) return JSON.stringify(value);
  return scalarText(subschemasAt(root, path), value);
}

function row(root: JsonSchema, path: string[], label: string, value: unknown): SummaryRow {
  const pointer = toPointer(path);
  if (isDocument(value)) return { label, pointer, text: '', documents: [documentOf(value)] };
  if (Array.isArray(value) && value.length && value.every(isDocument)) return { label, pointer, text: '', documents: value.map(documentOf) };
  if (Array.isArray(value) && !value.length) return { label, pointer, text: '' };
  return { label, pointer, text: answerText(root, path, value) };
}

const documentOf = (d: { id: string; filename: string; size?: number }): SummaryDocument => ({ id: d.id, filename: d.filename, size: typeof d.size === 'number' ? sizeFr(d.size) : '' });
