import type { Definition } from '../../engine/index.js';
import type { Db } from '../db/createDatabase.js';
import { documentsByIds } from '../db/repositories/documents.js';
import { HttpError, type ApiError } from '../http/HttpError.js';
import { documentReferences } from './documentReferences.js';

/** The request whose data is written: its own documents, and those of the request its data came from. */
export interface DocumentOwner {
  /** Undefined while the request is being created: no document can be its own yet. */
  id?: number | undefined;
  /** A production request's sandbox, whose data (and so whose files) it starts from. */
  previousRequestId?: number | undefined;
}

const label = (value: unknown) => (typeof value === 'string' && value ? `« ${value.slice(0, 120)} »` : 'référencé ici');

/**
 * Refuse (422, each with the reference's pointer, prefixed by `pointerPrefix`) data that references a file that
 * was never uploaded, that belongs to another request, or whose type or size is not the stored file's. Files of
 * the request itself are its own; a production request also keeps those of the sandbox it was started from,
 * since its data (the carried-over steps among it) came from there. One query however many references.
 */
export async function refuseForeignDocuments(db: Db, definition: Pick<Definition, 'schema'>, owner: DocumentOwner, data: unknown, pointerPrefix = ''): Promise<void> {
  const references = documentReferences(definition.schema, data);
  if (!references.length) return;
  const stored = new Map((await documentsByIds(db, references.flatMap((r) => (typeof r.id === 'string' ? [r.id] : [])))).map((d) => [d.id, d]));
  const owners = new Set([owner.id, owner.previousRequestId].filter((id): id is number => id !== undefined));
  const errors: ApiError[] = [];
  for (const r of references) {
    const document = typeof r.id === 'string' ? stored.get(r.id) : undefined;
    const pointer = `${pointerPrefix}${r.pointer}`;
    if (!document || !owners.has(document.requestId)) {
      errors.push({ code: 'DOCUMENT_UNKNOWN', title: 'Unknown document', detail: `Le fichier ${label(r.filename)} n’est pas une pièce jointe de cette demande : joignez-le avec le bouton d’ajout de fichier.`, source: { pointer } });
    } else if (document.contentType !== r.contentType || document.size !== r.size) {
      errors.push({ code: 'DOCUMENT_MISMATCH', title: 'Document reference does not match the file', detail: `Le fichier ${label(r.filename)} est décrit avec un type ou une taille qui ne sont pas ceux du fichier joint (${document.contentType}, ${document.size} octets).`, source: { pointer } });
    }
  }
  if (errors.length) throw new HttpError(422, errors);
}
