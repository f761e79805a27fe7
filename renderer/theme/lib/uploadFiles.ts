import type { DocumentReference, DsfrFormContext } from '../DsfrFormContext.js';
import type { DocumentConstraints } from './documentConstraints.js';
import { fileProblem } from './fileProblem.js';

export type UploadOutcome = { references: DocumentReference[] } | { error: string };

/**
 * Sends chosen files through the page's `uploadDocuments` once they pass the schema's limits, and returns the
 * references to add, or the French message to show under the input.
 */
export async function uploadFiles(
  files: File[],
  upload: NonNullable<DsfrFormContext['uploadDocuments']>,
  options: { pointer: string; constraints: DocumentConstraints; attached: number },
): Promise<UploadOutcome> {
  const { pointer, constraints, attached } = options;
  const chosen = constraints.multiple ? files : files.slice(0, 1);
  const problem = fileProblem(chosen, constraints, constraints.multiple ? attached : 0);
  if (problem) return { error: problem };
  try {
    return { references: await upload(pointer, chosen) };
  } catch (error) {
    return { error: error instanceof Error && error.message ? error.message : "L'envoi du fichier a échoué. Réessayez." };
  }
}
