import type { ApiClient } from './testApp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type Json = Record<string, unknown>;
const isReference = (v: unknown): boolean => Boolean(v && typeof v === 'object' && !Array.isArray(v) && 'id' in v && 'content_type' in v && 'filename' in v);

/** The pointers of the arrays of file references in `data` (the examples' made-up uploads), with how many each holds. */
function documentFields(data: unknown, path = ''): { pointer: string; count: number }[] {
  if (Array.isArray(data)) return data.length && data.every(isReference) ? [{ pointer: path, count: data.length }] : data.flatMap((v, i) => documentFields(v, `${path}/${i}`));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => documentFields(v, `${path}/${k}`));
  return [];
}

const at = (data: Json, pointer: string): { parent: Json; key: string } => {
  const segments = pointer.slice(1).split('/');
  const key = segments.pop()!;
  return { parent: segments.reduce((o, s) => o[s] as Json, data), key };
};

/**
 * `data` whose file references (made up in the definitions' examples) are replaced by files really uploaded
 * by `client` to the request, one PDF per reference, as the form does before it saves.
 */
export async function withUploadedDocuments(client: ApiClient, requestId: string, data: Json): Promise<Json> {
  const copy = structuredClone(data);
  for (const { pointer, count } of documentFields(copy)) {
    const form = new FormData();
    form.append('field', pointer);
    for (let i = 0; i < count; i++) form.append('files', new Blob([new Uint8Array(PDF)]), `piece-${i}.pdf`);
    const answer = await client.request('POST', `/api/requests/${requestId}/documents`, undefined, {}, form);
    if (answer.status !== 201) throw new Error(`upload to ${pointer} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const { parent, key } = at(copy, pointer);
    parent[key] = answer.body.documents;
  }
  return copy;
}

/** Create a request with `data` as an applicant would: created without its files, the files uploaded, then saved whole. */
export async function createWithDocuments(client: ApiClient, body: { definitionId: string; useCaseId?: string; data: Json }): Promise<{ id: string; version: number; data: Json }> {
  const withoutFiles = structuredClone(body.data);
  const fields = documentFields(withoutFiles);
  for (const { pointer } of fields) {
    const { parent, key } = at(withoutFiles, pointer);
    delete parent[key];
  }
  const created = await client.post('/api/requests', { ...body, data: withoutFiles });
  if (created.status !== 201 || !fields.length) return created.body.request;
  const data = await withUploadedDocuments(client, created.body.request.id, body.data);
  const saved = await client.patch(`/api/requests/${created.body.request.id}`, { version: created.body.request.version, data });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body.request;
}
