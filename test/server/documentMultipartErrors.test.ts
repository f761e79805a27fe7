import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { BOUNDARY, multipartBody, rawPost, type Part } from './helpers/rawUpload.js';
import { startTestApp, type ApiClient, type TestApp } from './helpers/testApp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const FIELD = '/legal/cadre_juridique_document';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

for (const choice of databaseChoices()) {
  describe(`document upload: malformed multipart bodies (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient;
    let path: string;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      applicant = await t.client('applicant');
      path = `/api/requests/${(await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' })).body.request.id}/documents`;
    });
    after(async () => t?.close());

    const send = (body: Buffer, contentType = MULTIPART) => rawPost(applicant, path, { 'content-type': contentType, 'content-length': String(body.length) }, [body]);
    const good: Part[] = [
      { name: 'field', value: FIELD },
      { name: 'files', value: PDF, filename: 'a.pdf' },
    ];
    const expectError = (answer: { status: number; body: any }, status: number, code: string, pointer?: string) => {
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      assert.equal(answer.body.errors[0].code, code);
      assert.match(answer.body.errors[0].detail, /[àâéèêîôûç«]/, 'a French message');
      if (pointer) assert.equal(answer.body.errors[0].source.pointer, pointer);
    };

    it('a well-formed hand-made body is accepted (what the cases below break)', async () => {
      assert.equal((await send(multipartBody(good))).status, 201);
    });

    it('a multipart Content-Type without a boundary is a 400', async () => {
      expectError(await send(multipartBody(good), 'multipart/form-data'), 400, 'MULTIPART_INVALID');
    });

    it('a truncated body (no closing boundary) is a 400', async () => {
      const body = multipartBody(good, { close: false });
      expectError(await send(body.subarray(0, body.length - 20)), 400, 'MULTIPART_INVALID');
      expectError(await send(multipartBody(good, { close: false })), 400, 'MULTIPART_INVALID');
    });

    it('more text fields than the form has is a 422', async () => {
      const fields = Array.from({ length: 6 }, () => ({ name: 'field', value: FIELD }));
      expectError(await send(multipartBody([...fields, good[1]!])), 422, 'TOO_MANY_FIELDS');
    });

    it('a field value over its limit is a 422 naming it', async () => {
      expectError(await send(multipartBody([{ name: 'field', value: `/${'x'.repeat(2 * 1024 * 1024)}` }, good[1]!])), 422, 'FIELD_TOO_LARGE', '/field');
    });

    it('files or fields under unexpected names are a 422 naming them', async () => {
      expectError(await send(multipartBody([good[0]!, { name: 'document', value: PDF, filename: 'a.pdf' }])), 422, 'UNEXPECTED_FIELD', '/document');
      expectError(await send(multipartBody([{ name: 'champ', value: FIELD }, good[1]!])), 422, 'UNEXPECTED_FIELD', '/champ');
    });

    it('a body that is not multipart is a 415', async () => {
      expectError(await send(Buffer.from(JSON.stringify({ field: FIELD, files: [] })), 'application/json'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(await send(Buffer.from(PDF), 'application/pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });
}
