import { HttpError } from '../http/HttpError.js';
import { ZIP_LIMITS, type ZipVerdict } from './zipContentType.js';
import { contentTypeLabel } from '../../renderer/theme/lib/contentTypeLabel.js';

type Refusal = Extract<ZipVerdict, { refused: string }>['refused'];

const ARCHIVE_REASONS: Record<Refusal, string> = {
  malformed: 'est une archive tronquée ou endommagée (ZIP illisible) : enregistrez-le à nouveau puis renvoyez-le',
  too_many_members: `est une archive de plus de ${ZIP_LIMITS.members.toLocaleString('fr-FR')} fichiers`,
  member_too_large: 'est une archive dont le contenu se décompresse en un volume anormal : il a été refusé sans être décompressé',
};

/**
 * The 422 for an uploaded file the field does not take: an archive refused for its structure, or content that
 * is none of `accepted` (checked from the bytes, not the name).
 */
export function refusedFile(filename: string, why: Refusal | readonly string[], pointer: string): HttpError {
  if (typeof why === 'string') return HttpError.of(422, 'ARCHIVE_REFUSED', 'Archive refused', `« ${filename} » ${ARCHIVE_REASONS[why]}.`, pointer);
  const names = why.map(contentTypeLabel).join(', ');
  return HttpError.of(422, 'FILE_TYPE_REFUSED', 'File type refused', `« ${filename} » n’est pas un fichier accepté ici (${names}) : son contenu a été vérifié, pas seulement son nom.`, pointer);
}
