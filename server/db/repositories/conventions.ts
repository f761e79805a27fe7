import type { Db } from '../createDatabase.js';
import { toIso } from '../json.js';

/** A convention as frozen at approval, without its content. */
export interface StoredConvention {
  id: number;
  authorizationId: number;
  requestId: number;
  definitionId: string;
  htmlSha256: string;
  pdfSha256: string;
  template: string;
  templateSha256: string;
  createdAt: string;
}

export interface ConventionWrite extends Omit<StoredConvention, 'id'> {
  html: string;
  pdf: Buffer;
}

const META = ['id', 'authorization_id', 'request_id', 'definition_id', 'html_sha256', 'pdf_sha256', 'template', 'template_sha256', 'created_at'];

const mapConvention = (row: Record<string, unknown>): StoredConvention => ({
  id: Number(row.id),
  authorizationId: Number(row.authorization_id),
  requestId: Number(row.request_id),
  definitionId: String(row.definition_id),
  htmlSha256: String(row.html_sha256),
  pdfSha256: String(row.pdf_sha256),
  template: String(row.template),
  templateSha256: String(row.template_sha256),
  createdAt: toIso(row.created_at),
});

/** Store a convention once; the unique authorization makes a second freeze of the same authorization fail. */
export async function insertConvention(db: Db, c: ConventionWrite): Promise<void> {
  await db('conventions').insert({
    authorization_id: c.authorizationId,
    request_id: c.requestId,
    definition_id: c.definitionId,
    html: c.html,
    pdf: c.pdf,
    html_sha256: c.htmlSha256,
    pdf_sha256: c.pdfSha256,
    template: c.template,
    template_sha256: c.templateSha256,
    created_at: c.createdAt,
  });
}

/** The conventions of a request's authorizations, by authorization id. */
export async function conventionsOfRequest(db: Db, requestId: number): Promise<Map<number, StoredConvention>> {
  const rows = await db('conventions').where({ request_id: requestId }).select(META);
  return new Map(rows.map((r) => [Number(r.authorization_id), mapConvention(r)]));
}

export async function conventionOfAuthorization(db: Db, authorizationId: number): Promise<StoredConvention | undefined> {
  const row = await db('conventions').where({ authorization_id: authorizationId }).first(META);
  return row ? mapConvention(row) : undefined;
}

/** One format of a stored convention: the HTML text or the PDF bytes. */
export async function conventionContent(db: Db, authorizationId: number, format: 'html' | 'pdf'): Promise<string | Buffer | undefined> {
  const row = await db('conventions').where({ authorization_id: authorizationId }).first(format);
  if (!row) return undefined;
  return format === 'html' ? String(row.html) : Buffer.from(row.pdf as Uint8Array);
}

/** The convention whose HTML or PDF has this SHA-256 (lower-case hex), and which of the two matched. */
export async function conventionByHash(db: Db, sha256: string): Promise<{ convention: StoredConvention; format: 'html' | 'pdf' } | undefined> {
  const row = await db('conventions').where({ html_sha256: sha256 }).orWhere({ pdf_sha256: sha256 }).first(META);
  if (!row) return undefined;
  const convention = mapConvention(row);
  return { convention, format: convention.pdfSha256 === sha256 ? 'pdf' : 'html' };
}
