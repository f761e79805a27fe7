import type { DocumentReference } from '../DsfrFormContext.js';

/** Whether `value` is a document reference as the data stores it. */
export function isDocumentReference(value: unknown): value is DocumentReference {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.filename === 'string';
}
