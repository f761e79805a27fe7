import type { Db } from '../createDatabase.js';
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

export async function findDocument(db: Db, id: string): Promise<StoredDocument | undefined> {
  const row = await db('documents').where({ id }).first(META);
  return row ? mapDocument(row) : undefined;
}

export async function documentContent(db: Db, id: string): Promise<Buffer | undefined> {
  const row = await db('documents').where({ id }).first('content');
  return row ? Buffer.from(row.content as Uint8Array) : undefined;
}

export async function countDocuments(db: Db, requestId: number, field: string): Promise<number> {
  const [row] = await db('documents').where({ request_id: requestId, field }).count({ n: '*' });
  return Number(row?.n ?? 0);
}
