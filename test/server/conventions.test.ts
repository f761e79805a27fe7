import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Definition, Registry } from '../../engine/index.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';

const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');
const USE_CASE = 'tarification-municipale-enfance';
const exampleData = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);

/** A registry whose api-particulier definition object can be swapped, as a redeploy with a changed template would. */
function swappableRegistry(): Registry {
  const base = testRegistry();
  return { ...base, definitions: new Map(base.definitions) };
}

for (const choice of databaseChoices()) {
  describe(`conventions frozen at approval, downloaded and verified (${choice.name})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let registry: Registry;
    let applicant: ApiClient, instructor: ApiClient, reporter: ApiClient, otherApplicant: ApiClient, dgfip: ApiClient, admin: ApiClient;
    before(async function () {
      registry = swappableRegistry();
      t = await startTestApp(await choice.start(this), registry);
      [applicant, instructor, reporter, otherApplicant, dgfip, admin] = await Promise.all([
        t.client('applicant'),
        t.client('instructor'),
        t.client('reporter'),
        t.client('otherApplicant'),
        t.client('dgfipInstructor'),
        t.client('admin'),
      ]);
    });
    after(async () => t?.close());

    const fire = async (client: ApiClient, id: string, event: string, extra: Record<string, unknown> = {}) => {
      const current = await admin.get(`/api/requests/${id}`);
      return client.post(`/api/requests/${id}/events/${event}`, { version: current.body.request.version, ...extra });
    };
    /** A raw GET as `client`, body as bytes. */
    const download = async (client: ApiClient | undefined, path: string) => {
      const response = await fetch(t.baseUrl + path, { headers: client ? { cookie: client.cookieHeader } : {}, redirect: 'manual' });
      return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
    };
    const submitted = async () => {
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: USE_CASE });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id: string = created.body.request.id;
      const saved = await applicant.patch(`/api/requests/${id}`, { version: created.body.request.version, data: exampleData() });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const submit = await fire(applicant, id, 'submit');
      assert.equal(submit.status, 200, JSON.stringify(submit.body));
      return id;
    };
    const approved = async () => {
      const id = await submitted();
      const approve = await fire(instructor, id, 'approve');
      assert.equal(approve.status, 200, JSON.stringify(approve.body));
      const list = await applicant.get(`/api/requests/${id}/authorizations`);
      assert.equal(list.status, 200);
      return { id, authorization: list.body.authorizations[0] as { publicId: string; convention: { pdf: string; html: string; pdfSha256: string; htmlSha256: string } } };
    };

    it('renders the convention once at approval and stores its HTML and PDF with their SHA-256', async () => {
      const { authorization } = await approved();
      assert.ok(authorization.convention, 'the authorization lists its convention');
      const pdf = await download(applicant, authorization.convention.pdf);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.match(pdf.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="convention-${authorization.publicId}.pdf"`));
      assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
      assert.equal(sha256(pdf.body), authorization.convention.pdfSha256);
      assert.equal(pdf.headers.get('x-convention-sha256'), authorization.convention.pdfSha256);
      const html = await download(instructor, authorization.convention.html);
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(sha256(html.body), authorization.convention.htmlSha256);
      const text = html.body.toString('utf8');
      assert.ok(text.includes('Commune A') && text.includes('21350238500019'), 'the organisation and its SIRET');
      assert.ok(text.includes(authorization.publicId), 'the authorization identifier');
      assert.doesNotMatch(text, /<script/i);
      assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'none'/, 'the stored HTML runs nothing and loads nothing');
      // The same bytes every time: it is stored, not rendered again.
      assert.deepEqual((await download(admin, authorization.convention.pdf)).body, pdf.body);
    });

    it('shows the convention only to the organisation, the provider team and admins', async () => {
      const { authorization } = await approved();
      for (const client of [applicant, instructor, reporter, admin]) assert.equal((await download(client, authorization.convention.pdf)).status, 200);
      for (const client of [otherApplicant, dgfip]) assert.equal((await download(client, authorization.convention.pdf)).status, 404);
      assert.equal((await download(undefined, authorization.convention.pdf)).status, 401, 'signed out');
      assert.equal((await download(admin, `/habilitations/${authorization.publicId}/convention.docx`)).status, 404);
      assert.equal((await download(admin, '/habilitations/H999999/convention.pdf')).status, 404);
    });

    it('tells anyone whether a document is a genuine convention, and refuses a modified one', async () => {
      const { id, authorization } = await approved();
      const pdf = (await download(applicant, authorization.convention.pdf)).body;
      for (const [hash, format] of [
        [authorization.convention.pdfSha256, 'pdf'],
        [authorization.convention.htmlSha256.toUpperCase(), 'html'],
      ] as const) {
        const answer = await fetch(`${t.baseUrl}/conventions/verify/${hash}`, { headers: { accept: 'application/json' } });
        assert.equal(answer.status, 200);
        const body = await answer.json();
        assert.equal(body.genuine, true);
        assert.equal(body.format, format);
        assert.equal(body.authorization.id, authorization.publicId);
        assert.equal(body.authorization.state, 'active');
        assert.equal(body.request.id, id);
        assert.deepEqual(body.organization, { name: 'Commune A', siret: '21350238500019' });
        assert.equal(body.definition.id, 'api-particulier');
      }
      const modified = Buffer.concat([pdf, Buffer.from(' ')]);
      const refused = await fetch(`${t.baseUrl}/conventions/verify/${sha256(modified)}`, { headers: { accept: 'application/json' } });
      assert.equal(refused.status, 404);
      const refusal = await refused.json();
      assert.equal(refusal.genuine, false);
      assert.equal(refusal.errors[0].code, 'CONVENTION_UNKNOWN');
      const malformed = await fetch(`${t.baseUrl}/conventions/verify/not-a-hash`, { headers: { accept: 'application/json' } });
      assert.equal(malformed.status, 400);
      assert.equal((await malformed.json()).errors[0].code, 'SHA256_INVALID');
      // The page for people says the same.
      const page = await fetch(`${t.baseUrl}/conventions/verifier?empreinte=${authorization.convention.pdfSha256}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.ok(html.includes('Convention authentique') && html.includes(authorization.publicId));
      const unknown = await fetch(`${t.baseUrl}/conventions/verifier?empreinte=${sha256(modified)}`);
      assert.equal(unknown.status, 404);
      assert.ok((await unknown.text()).includes('Document inconnu'));
    });

    it('keeps an approved convention and its hash when the definition’s template changes afterwards', async () => {
      const { authorization } = await approved();
      const before = await download(applicant, authorization.convention.pdf);
      const beforeHtml = await download(applicant, authorization.convention.html);
      const original = registry.definitions.get('api-particulier')!;
      const changed: Definition = { ...original, convention: { file: original.convention!.file, source: original.convention!.source.replace('{{#> convention_layout}}', '{{#> convention_layout}}<p>Article ajouté après coup.</p>') } };
      assert.notEqual(changed.convention!.source, original.convention!.source);
      registry.definitions.set('api-particulier', changed);
      try {
        const after = await download(applicant, authorization.convention.pdf);
        assert.deepEqual(after.body, before.body);
        assert.equal(sha256(after.body), authorization.convention.pdfSha256);
        assert.deepEqual((await download(applicant, authorization.convention.html)).body, beforeHtml.body);
        assert.equal((await fetch(`${t.baseUrl}/conventions/verify/${authorization.convention.pdfSha256}`)).status, 200);
        // A request approved from now on gets the new template.
        const next = await approved();
        const html = (await download(applicant, next.authorization.convention.html)).body.toString('utf8');
        assert.ok(html.includes('Article ajouté après coup.'), 'the new template applies to new approvals');
        assert.ok(!beforeHtml.body.toString('utf8').includes('Article ajouté après coup.'));
      } finally {
        registry.definitions.set('api-particulier', original);
      }
    });

    it('refuses the approval, storing nothing, when the template cannot render the request', async () => {
      const id = await submitted();
      const original = registry.definitions.get('api-particulier')!;
      const broken: Definition = { ...original, convention: { file: original.convention!.file, source: original.convention!.source.replace('{{#> convention_layout}}', '{{#> convention_layout}}\n<p>{{data.basic_infos.champ_absent}}</p>') } };
      registry.definitions.set('api-particulier', broken);
      const queued = async () => Number((await t.db('notifications').where({ request_id: Number(id.slice(1)) }).count({ n: '*' }))[0]!.n);
      const queuedBefore = await queued();
      try {
        const approve = await fire(instructor, id, 'approve');
        assert.equal(approve.status, 422, JSON.stringify(approve.body));
        assert.equal(approve.body.errors[0].code, 'CONVENTION_RENDER_FAILED');
        assert.match(approve.body.errors[0].detail, /champ_absent/);
        assert.match(approve.body.errors[0].detail, /convention\.hbs:2:\d+/, 'the template file and its line');
      } finally {
        registry.definitions.set('api-particulier', original);
      }
      const request = (await admin.get(`/api/requests/${id}`)).body.request;
      assert.equal(request.state, 'submitted', 'the approval did not happen');
      assert.equal((await admin.get(`/api/requests/${id}/authorizations`)).body.authorizations.length, 0);
      assert.equal(await queued(), queuedBefore, 'the rolled-back approval queued no e-mail and no webhook call');
    });

    it('previews a definition’s convention with each example, and a request in progress, for admins and the provider team only', async () => {
      const definition = registry.definitions.get('api-particulier')!;
      const valid = definition.examples.filter((e) => !e.issues.length);
      assert.ok(valid.length > 1);
      for (const example of valid) {
        const html = await download(admin, `/conventions/apercu/api-particulier?exemple=${encodeURIComponent(example.name)}&format=html`);
        assert.equal(html.status, 200, `${example.name}: ${html.body.toString().slice(0, 300)}`);
        assert.match(html.body.toString(), /<!doctype html>/i);
      }
      const pdf = await download(instructor, `/conventions/apercu/api-particulier?exemple=${valid[0]!.name}&format=pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await download(reporter, '/conventions/apercu/api-particulier')).status, 200, 'the first example by default; a reporter is of the team');
      assert.equal((await download(applicant, '/conventions/apercu/api-particulier')).status, 404);
      assert.equal((await download(dgfip, '/conventions/apercu/api-particulier')).status, 404);
      const unknown = await admin.get('/conventions/apercu/api-particulier?exemple=nope');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.errors[0].code, 'EXAMPLE_NOT_FOUND');
      assert.equal((await admin.get('/conventions/apercu/api-particulier?format=docx')).status, 400);

      const id = await submitted();
      const preview = await download(instructor, `/instruction/demandes/${id}/convention?format=html`);
      assert.equal(preview.status, 200);
      assert.ok(preview.body.toString().includes('Commune A'));
      assert.equal((await download(instructor, `/instruction/demandes/${id}/convention?format=pdf`)).status, 200);
      assert.equal((await download(applicant, `/instruction/demandes/${id}/convention?format=html`)).status, 404, 'the applicant gets the real one at approval');
      assert.equal((await download(dgfip, `/instruction/demandes/${id}/convention?format=html`)).status, 404);
    });
  });
}
