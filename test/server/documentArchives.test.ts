import assert from 'node:assert/strict';
import type { Registry } from '../../engine/index.js';
import { minimalOds, minimalXlsx, officeBomb, zipArchive } from '../helpers/zipArchive.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const PDF_FIELD = '/legal/cadre_juridique_document';
const SHEET_FIELD = '/annexes_tableurs';

/** api-particulier with one more document field, for spreadsheets, as a definition may declare one. */
function registryWithSpreadsheetField(): Registry {
  const base = testRegistry();
  const definition = base.definitions.get('api-particulier')!;
  const sheets = {
    type: 'array',
    maxItems: 6,
    items: { type: 'object', properties: { id: { type: 'string' }, filename: { type: 'string' }, content_type: { enum: [XLSX, ODS] }, size: { type: 'integer' } } },
  };
  const schema = { ...definition.schema, properties: { ...definition.schema.properties, annexes_tableurs: sheets } };
  return { ...base, definitions: new Map([...base.definitions, ['api-particulier', { ...definition, schema }]]) };
}

for (const choice of databaseChoices()) {
  describe(`document upload: archives (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let applicant: ApiClient;
    let requestId: string;
    before(async function () {
      t = await startTestApp(await choice.start(this), registryWithSpreadsheetField());
      applicant = await t.client('applicant');
      requestId = (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre' })).body.request.id;
    });
    after(async () => t?.close());

    const upload = async (name: string, content: Buffer, field = SHEET_FIELD) => {
      const form = new FormData();
      form.append('field', field);
      form.append('files', new Blob([new Uint8Array(content)]), name);
      return applicant.request('POST', `/api/requests/${requestId}/documents`, undefined, {}, form);
    };

    it('real .xlsx and .ods files are recognised from their content where a field takes them', async () => {
      const xlsx = await upload('budget.xlsx', minimalXlsx());
      assert.equal(xlsx.status, 201, JSON.stringify(xlsx.body));
      assert.equal(xlsx.body.documents[0].content_type, XLSX);
      const ods = await upload('budget.ods', minimalOds());
      assert.equal(ods.status, 201, JSON.stringify(ods.body));
      assert.equal(ods.body.documents[0].content_type, ODS);
      const inPdfField = await upload('budget.xlsx', minimalXlsx(), PDF_FIELD);
      assert.equal(inPdfField.body.errors[0].code, 'FILE_TYPE_REFUSED');
      assert.match(inPdfField.body.errors[0].detail, /\(PDF\)/);
    });

    for (const field of [SHEET_FIELD, PDF_FIELD]) {
      it(`a 1 MB file whose [Content_Types].xml inflates to 1 GiB is refused in well under a second, memory bounded (${field})`, async () => {
        const bomb = officeBomb();
        const rss = process.memoryUsage().rss;
        const started = performance.now();
        const answer = await upload('tableau.xlsx', bomb, field);
        const elapsed = performance.now() - started;
        const grown = process.memoryUsage().rss - rss;
        assert.equal(answer.status, 422, JSON.stringify(answer.body));
        assert.equal(answer.body.errors[0].code, 'ARCHIVE_REFUSED');
        assert.equal(answer.body.errors[0].source.pointer, '/files/0');
        assert.match(answer.body.errors[0].detail, /« tableau\.xlsx » est une archive dont le contenu se décompresse en un volume anormal/);
        assert.ok(elapsed < 1000, `answered in ${elapsed.toFixed(0)} ms`);
        assert.ok(grown < 200 * 1024 * 1024, `memory grew by ${(grown / 1e6).toFixed(0)} MB`);
      });
    }

    it('a truncated or inconsistent archive is a 422, not a 500', async () => {
      const truncated = await upload('coupé.xlsx', minimalXlsx().subarray(0, 200));
      assert.equal(truncated.status, 422, JSON.stringify(truncated.body));
      assert.equal(truncated.body.errors[0].code, 'ARCHIVE_REFUSED');
      assert.match(truncated.body.errors[0].detail, /tronquée ou endommagée/);
      // A directory entry pointing past the end of the file.
      const lying = minimalXlsx();
      const directory = lying.readUInt32LE(lying.length - 6);
      lying.writeUInt32LE(0x7fffffff, directory + 42);
      assert.equal((await upload('faux.xlsx', lying)).body.errors?.[0].code, 'ARCHIVE_REFUSED');
    });

    it('an archive of more members than any office file has is refused without reading them', async () => {
      const many = zipArchive(Array.from({ length: 6000 }, (_, i) => ({ name: `f${i}` })));
      const answer = await upload('plein.xlsx', many);
      assert.equal(answer.status, 422);
      assert.match(answer.body.errors[0].detail, /plus de 5\s000 fichiers/);
    });
  });
}
