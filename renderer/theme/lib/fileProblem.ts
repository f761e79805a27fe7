import { contentTypeLabel } from './contentTypeLabel.js';
import type { DocumentConstraints } from './documentConstraints.js';
import { formatFileSize } from './formatFileSize.js';

/** What is wrong with the files chosen, before sending them (the server checks again), or undefined. */
export function fileProblem(files: readonly File[], constraints: DocumentConstraints, attached: number): string | undefined {
  const { multiple, accept, maxSize, maxCount } = constraints;
  if (multiple && maxCount !== undefined && attached + files.length > maxCount) {
    return `Vous pouvez joindre ${maxCount} ${maxCount > 1 ? 'fichiers' : 'fichier'} au plus : retirez-en avant d'en ajouter.`;
  }
  for (const file of files) {
    if (maxSize !== undefined && file.size > maxSize) return `« ${file.name} » dépasse la taille maximale de ${formatFileSize(maxSize)}.`;
    if (accept.length && file.type && !accept.includes(file.type)) {
      return `« ${file.name} » n'est pas dans un format accepté (${accept.map(contentTypeLabel).join(', ')}).`;
    }
  }
  return undefined;
}
