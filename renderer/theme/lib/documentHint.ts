import { contentTypeLabel } from './contentTypeLabel.js';
import type { DocumentConstraints } from './documentConstraints.js';
import { formatFileSize } from './formatFileSize.js';

/** The upload's hint: « Taille maximale : 10 Mo. Formats acceptés : PDF. 6 fichiers au plus. » */
export function documentHint({ multiple, accept, maxSize, maxCount }: DocumentConstraints): string {
  const parts: string[] = [];
  if (maxSize !== undefined) parts.push(`Taille maximale : ${formatFileSize(maxSize)}.`);
  if (accept.length) parts.push(`Formats acceptés : ${accept.map(contentTypeLabel).join(', ')}.`);
  if (multiple && maxCount !== undefined) parts.push(`${maxCount} ${maxCount > 1 ? 'fichiers' : 'fichier'} au plus.`);
  else if (multiple) parts.push('Plusieurs fichiers possibles.');
  return parts.join(' ');
}
