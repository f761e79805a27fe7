import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { BOUNDARY, multipartBody, rawPost } from './helpers/rawUpload.js';
import { startTestApp, type ApiClient, type TestApp } from './helpers/testApp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const pdfOf = (bytes: number) => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length, 0x20)]);
const FIELD = '/legal/cadre_juridique_document';
const OTHER_FIELD = '/basic_infos/maquette_projet';
const QUOTA = 3 * 1024 * 1024;
const MB = 1024 * 1024;

for (const choice of databaseChoices()) {
  describe(`document upload limits (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient;
    before(async function () {
      t = await startTestApp(await choice.start(this), undefined, { documentsQuotaBytes: QUOTA });
      applicant = await t.client('applicant');
    });
    after(async () => t?.close());

    const newRequest = async () => (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' })).body.request.id as string;
    const upload = async (requestId: string, files: Buffer[], field = FIELD) => {
      const form = new FormData();
      form.append('field', field);
      for (const [i, f] of files.entries()) form.append('files', new Blob([new Uint8Array(f)]), `${i}.pdf`);
      return applicant.request('POST', `/api/requests/${requestId}/documents`, undefined, {}, form);
    };
    const stored = async (requestId: string, field?: string) => {
      const id = Number(String(requestId).replace(/^D/, ''));
      const [n] = await t.db('documents').where({ request_id: id, ...(field ? { field } : {}) }).count({ n: '*' });
      return Number(n?.n);
    };

    it('parallel uploads into one field store no more files than the field takes', async () => {
      const requestId = await newRequest();
      const six = Array.from({ length: 6 }, () => PDF);
      const answers = await Promise.all(Array.from({ length: 4 }, () => upload(requestId, six)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 422, 422, 422], JSON.stringify(answers.map((a) => a.body)));
      for (const a of answers.filter((x) => x.status === 422)) assert.equal(a.body.errors[0].code, 'TOO_MANY_FILES');
      assert.equal(await stored(requestId, FIELD), 6);
    });

    it('a request’s documents stay within its storage quota, across fields, with a French error', async () => {
      const requestId = await newRequest();
      assert.equal((await upload(requestId, [pdfOf(2 * MB)])).status, 201);
      const over = await upload(requestId, [pdfOf(1.5 * MB)], OTHER_FIELD);
      assert.equal(over.status, 422, JSON.stringify(over.body));
      assert.equal(over.body.errors[0].code, 'DOCUMENTS_QUOTA_EXCEEDED');
      assert.equal(over.body.errors[0].source.pointer, '/files');
      assert.match(over.body.errors[0].detail, /ne peuvent pas dépasser 3 Mo en tout : 2 Mo sont déjà joints/);
      assert.equal(await stored(requestId), 1);
      assert.equal((await upload(requestId, [pdfOf(0.9 * MB)], OTHER_FIELD)).status, 201, 'what still fits is taken');
    });

    it('parallel uploads cannot pass the quota together', async () => {
      const requestId = await newRequest();
      const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => upload(requestId, [pdfOf(1.2 * MB)], i % 2 ? FIELD : OTHER_FIELD)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 201, 422, 422]);
      assert.equal(await stored(requestId), 2);
    });

    it('a declared Content-Length above the largest upload is refused before the body is sent', async () => {
      const requestId = await newRequest();
      const started = Date.now();
      const answer = await rawPost(applicant, `/api/requests/${requestId}/documents`, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(100 * MB) }, [Buffer.alloc(1024)], 0);
      assert.equal(answer.status, 413);
      assert.equal(answer.body.errors[0].code, 'PAYLOAD_TOO_LARGE');
      assert.equal(answer.headers.connection, 'close');
      assert.ok(Date.now() - started < 2000, `answered in ${Date.now() - started} ms`);
    });

    it('a file passing 10 MB while it streams gets 413 at once, before the client has sent the rest', async () => {
      const requestId = await newRequest();
      const head = multipartBody([{ name: 'field', value: FIELD }]).subarray(0, -`--${BOUNDARY}--\r\n`.length);
      const fileHead = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="gros.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      // 40 MB announced (within the 60 MB a body may have), sent 512 KB at a time.
      const chunks = [head, fileHead, ...Array.from({ length: 80 }, () => Buffer.alloc(512 * 1024, 0x20))];
      const total = chunks.reduce((s, c) => s + c.length, 0);
      const answer = await rawPost(applicant, `/api/requests/${requestId}/documents`, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(total) }, chunks, 5);
      assert.equal(answer.status, 413, JSON.stringify(answer.body));
      assert.equal(answer.body.errors[0].source.pointer, '/files/0');
      assert.ok(answer.sentWhenAnswered < 16 * MB, `answered after ${(answer.sentWhenAnswered / MB).toFixed(1)} MB of ${(total / MB).toFixed(1)} MB`);
      assert.equal(await stored(requestId), 0);
    });

    it('a chunked body without Content-Length is cut off once it passes the largest upload', async () => {
      const requestId = await newRequest();
      const head = multipartBody([{ name: 'field', value: FIELD }]).subarray(0, -`--${BOUNDARY}--\r\n`.length);
      // Many small files under 10 MB each, each a part of its own: only the whole body's size stops them.
      const part = (i: number) => Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdfOf(10 * MB - 100), Buffer.from('\r\n')]);
      const body = Buffer.concat([head, ...Array.from({ length: 6 }, (_, i) => part(i)), Buffer.alloc(20 * MB, 0x20)]);
      const chunks = Array.from({ length: Math.ceil(body.length / (512 * 1024)) }, (_, i) => body.subarray(i * 512 * 1024, (i + 1) * 512 * 1024));
      const answer = await rawPost(applicant, `/api/requests/${requestId}/documents`, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, chunks, 2);
      assert.ok([413, 422].includes(answer.status), `${answer.status} ${JSON.stringify(answer.body)}`);
      assert.ok(answer.sentWhenAnswered < chunks.reduce((s, c) => s + c.length, 0), 'answered before the end');
      assert.equal(await stored(requestId), 0);
    });
  });
}
