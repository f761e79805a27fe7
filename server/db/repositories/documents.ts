import { isPostgres, type Db } from '../createDatabase.js';
import { toIso } from '../json.js';

export interface StoredDocument {
  id: string;
  requestId: number;
  /** The JSON pointer of the form field the file belongs to (`/legal/cadre_juridique_document`). */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number;
  createdAt: string;
}

const mapDocument = (r: Record<string, unknown>): StoredDocument => ({
  id: String(r.id),
  requestId: Number(r.request_id),
  field: String(r.field),
  filename: String(r.filename),
  contentType: String(r.content_type),
  size: Number(r.size),
  sha256: String(r.sha256),
  uploadedBy: Number(r.uploaded_by),
  createdAt: toIso(r.created_at),
});

const META = ['id', 'request_id', 'field', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by', 'created_at'];

export async function insertDocument(db: Db, d: StoredDocument & { content: Buffer }): Promise<void> {
  await db('documents').insert({ id: d.id, request_id: d.requestId, field: d.field, filename: d.filename, content_type: d.contentType, size: d.size, sha256: d.sha256, content: d.content, uploaded_by: d.uploadedBy, created_at: d.createdAt });
}

/** Why documents were not stored: the field's file count or the request's byte quota would be passed. */
export type DocumentsRefused = { refused: 'too_many_files'; already: number } | { refused: 'quota'; usedBytes: number };

/**
 * Store documents of one request and field only if the field keeps at most `maxFiles` files and the request's
 * documents at most `quotaBytes` bytes, counted and inserted in one transaction that holds the request row
 * (FOR UPDATE on PostgreSQL; on SQLite the single writer connection serialises write transactions), so
 * parallel uploads cannot each see room for themselves.
 */
export async function insertDocumentsWithinLimits(db: Db, requestId: number, field: string, documents: readonly (StoredDocument & { content: Buffer })[], limits: { maxFiles: number; quotaBytes: number }): Promise<DocumentsRefused | undefined> {
  return db.transaction(async (tx) => {
    if (isPostgres(tx)) await tx('requests').where({ id: requestId }).forUpdate().first('id');
    const [files] = await tx('documents').where({ request_id: requestId, field }).count({ n: '*' });
    const already = Number(files?.n ?? 0);
    if (already + documents.length > limits.maxFiles) return { refused: 'too_many_files', already } as const;
    const [bytes] = await tx('documents').where({ request_id: requestId }).sum({ total: 'size' });
    const usedBytes = Number(bytes?.total ?? 0);
    if (usedBytes + documents.reduce((sum, d) => sum + d.size, 0) > limits.quotaBytes) return { refused: 'quota', usedBytes } as const;
    for (const d of documents) await insertDocument(tx, d);
    return undefined;
  });
}

/** The stored documents among `ids` (what a request's data may reference), in one query. */
export async function documentsByIds(db: Db, ids: readonly string[]): Promise<StoredDocument[]> {
  if (!ids.length) return [];
  return (await db('documents').whereIn('id', [...new Set(ids)]).select(META)).map(mapDocument);
}

export async function findDocument(db: Db, id: string): Promise<StoredDocument | undefined> {
  const row = await db('documents').where({ id }).first(META);
  return row ? mapDocument(row) : undefined;
}

export async function documentContent(db: Db, id: string): Promise<Buffer | undefined> {
  const row = await db('documents').where({ id }).first('content');
  return row ? Buffer.from(row.content as Uint8Array) : undefined;
}
