import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, type ApiClient, type TestApp } from './helpers/testApp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const FIELD = '/legal/cadre_juridique_document';

for (const choice of databaseChoices()) {
  describe(`documents (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, other: ApiClient, instructor: ApiClient;
    let requestId: string;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, other, instructor] = await Promise.all([t.client('applicant'), t.client('otherApplicant'), t.client('instructor')]);
      requestId = (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' })).body.request.id;
    });
    after(async () => t?.close());

    const upload = async (client: ApiClient, files: { name: string; content: Buffer }[], field = FIELD) => {
      const form = new FormData();
      form.append('field', field);
      for (const f of files) form.append('files', new Blob([new Uint8Array(f.content)]), f.name);
      return client.request('POST', `/api/requests/${requestId}/documents`, undefined, {}, form);
    };

    it('stores a PDF checked by its content and gives back a reference for the form data; the file downloads for those who see the request', async () => {
      const response = await upload(applicant, [{ name: 'délibération.pdf', content: PDF }]);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      const [doc] = response.body.documents;
      assert.deepEqual(Object.keys(doc).sort(), ['content_type', 'filename', 'id', 'size']);
      assert.equal(doc.content_type, 'application/pdf');
      assert.equal(doc.size, PDF.length);
      const download = await fetch(`${t.baseUrl}/api/documents/${doc.id}`, { headers: { cookie: applicant.cookieHeader } });
      assert.equal(download.status, 200);
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
      assert.match(download.headers.get('content-disposition')!, /attachment; filename\*=UTF-8''d%C3%A9lib%C3%A9ration\.pdf/);
      // Opened in the browser anyway, the file runs no script and loads nothing.
      assert.equal(download.headers.get('content-security-policy'), "sandbox; default-src 'none'");
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      assert.equal((await instructor.get(`/api/documents/${doc.id}`)).status, 200, 'the instructor of the definition sees it');
      assert.equal((await other.get(`/api/documents/${doc.id}`)).status, 404, 'another organisation does not');
    });

    it('refuses a file whose content is not what the field accepts, whatever its name', async () => {
      const response = await upload(applicant, [{ name: 'faux.pdf', content: PNG }]);
      assert.equal(response.status, 422);
      assert.equal(response.body.errors[0].code, 'FILE_TYPE_REFUSED');
      assert.equal(response.body.errors[0].source.pointer, '/files/0');
    });

    it('refuses a file over 10 MB, more files than the field takes, a field that is not a document, and another organisation', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      assert.equal((await upload(applicant, [{ name: 'gros.pdf', content: big }])).status, 413);
      const seven = Array.from({ length: 7 }, (_, i) => ({ name: `${i}.pdf`, content: PDF }));
      assert.equal((await upload(applicant, seven)).body.errors[0].code, 'TOO_MANY_FILES');
      const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, content: PDF }));
      assert.equal((await upload(applicant, six)).body.errors[0].code, 'TOO_MANY_FILES', 'one is already attached: 1 + 6 > 6');
      assert.equal((await upload(applicant, [{ name: 'a.pdf', content: PDF }], '/basic_infos/intitule')).body.errors[0].code, 'NOT_A_DOCUMENT_FIELD');
      assert.equal((await upload(other, [{ name: 'a.pdf', content: PDF }])).status, 404);
      assert.equal((await upload(instructor, [{ name: 'a.pdf', content: PDF }])).status, 403, 'an instructor does not edit the request');
    });
  });
}
