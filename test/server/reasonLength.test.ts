import assert from 'node:assert/strict';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from './helpers/testApp.js';
import { getPage, postForm, textOf } from './pages/htmlClient.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
const NNBSP = '\u202f';

/** The textarea of `id` in a page and the DSFR error shown next to it, if any. */
function field(html: string, id: string): { textarea: string; value: string; error?: string } {
  const textarea = new RegExp(`<textarea[^>]*id="${id}"[^>]*>([^<]*)</textarea>`).exec(html);
  assert.ok(textarea, `no textarea #${id}`);
  const error = new RegExp(`<p class="fr-error-text" id="${id}-erreur">([^<]*)</p>`).exec(html);
  return { textarea: textarea[0], value: textarea[1]!, ...(error ? { error: error[1]! } : {}) };
}

for (const choice of databaseChoices()) {
  describe(`the length of reasons and messages (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient, instructor: ApiClient;
    let id: string;
    const current = async () => (await instructor.get(`/api/requests/${id}`)).body.request as { state: string; version: number };
    const reasonsOf = async () => ((await instructor.get(`/api/requests/${id}/events`)).body.events as { event: string; reason?: string }[]).filter((e) => e.event === 'request_changes').map((e) => e.reason ?? '');

    before(async function () {
      t = await startTestApp(await choice.start(this));
      [applicant, instructor] = await Promise.all([t.client('applicant'), t.client('instructor')]);
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
      id = created.body.request.id;
      const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: created.body.request.version, data: example() });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    });
    after(async () => t?.close());

    it('the API refuses a reason of 10,001 characters with 422 at /reason, naming the field, the limit and the length, and records nothing', async () => {
      const before = await current();
      const refused = await instructor.post(`/api/requests/${id}/events/request_changes`, { version: before.version, reason: 'x'.repeat(10_001) });
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.body.errors, [
        { code: 'EVENT_REASON_TOO_LONG', title: 'Reason too long', detail: `Le motif ne peut pas dépasser 10${NNBSP}000 caractères (vous en avez saisi 10${NNBSP}001).`, source: { pointer: '/reason' } },
      ]);
      assert.deepEqual(await current(), before, 'the request did not move');
      assert.deepEqual(await reasonsOf(), []);
    });

    it('the API refuses a reason of 1 MiB the same way, and a long `message` at /message', async () => {
      const { version } = await current();
      const huge = await instructor.post(`/api/requests/${id}/events/request_changes`, { version, reason: 'x'.repeat(1 << 20) });
      assert.equal(huge.status, 422);
      assert.equal(huge.body.errors[0].code, 'EVENT_REASON_TOO_LONG');
      assert.match(huge.body.errors[0].detail, /vous en avez saisi 1\s048\s576\)/);
      const message = await instructor.post(`/api/requests/${id}/events/request_changes`, { version, message: 'x'.repeat(10_001) });
      assert.equal(message.status, 422);
      assert.deepEqual([message.body.errors[0].code, message.body.errors[0].source.pointer], ['EVENT_REASON_TOO_LONG', '/message']);
      assert.match(message.body.errors[0].detail, /^Le message ne peut pas dépasser/);
    });

    it('the review page bounds the reason’s textarea, and shows a refusal next to it with the text typed', async () => {
      const review = await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor);
      assert.match(field(review.html, 'motif-request_changes').textarea, /maxLength="10000"|maxlength="10000"/);
      const version = /name="version" value="(\d+)"/.exec(review.html)![1]!;
      const typed = 'Précisez. '.repeat(1_000) + 'x';
      const refused = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/request_changes`, instructor, { version, reason: typed });
      assert.equal(refused.status, 422);
      const shown = field(refused.html, 'motif-request_changes');
      assert.equal(shown.error, `Le motif ne peut pas dépasser 10${NNBSP}000 caractères (vous en avez saisi 10${NNBSP}001).`);
      assert.equal(shown.value, typed, 'the typed text is kept');
      assert.match(shown.textarea, /aria-describedby="motif-request_changes-erreur"/);
      assert.ok(textOf(refused.html).includes('Décision non enregistrée'));
      assert.deepEqual(await reasonsOf(), []);
    });

    it('takes a reason of exactly 10,000 characters from the page, its line breaks sent as CRLF counted once, as the browser counts them', async () => {
      const version = String((await current()).version);
      const lines = Array.from({ length: 100 }, () => 'y'.repeat(99)).join('\n');
      assert.equal(lines.length, 9_999);
      const reason = lines + 'z';
      const asked = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/request_changes`, instructor, { version, reason: reason.replace(/\n/g, '\r\n') });
      assert.equal(asked.status, 303, textOf(asked.html).slice(0, 500));
      assert.deepEqual(await reasonsOf(), [reason]);
    });

    it('refuses a message of 10,001 characters from the API at /body and from the page next to its field, and bounds its textarea', async () => {
      const api = await instructor.post(`/api/requests/${id}/messages`, { body: 'x'.repeat(10_001) });
      assert.equal(api.status, 422);
      assert.deepEqual(api.body.errors, [{ code: 'TEXT_TOO_LONG', title: 'Text too long', detail: `Le message ne peut pas dépasser 10${NNBSP}000 caractères (vous en avez saisi 10${NNBSP}001).`, source: { pointer: '/body' } }]);
      const review = await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor);
      assert.match(field(review.html, 'message').textarea, /maxLength="10000"|maxlength="10000"/);
      const typed = 'm'.repeat(10_001);
      const page = await postForm(t.baseUrl, `/instruction/demandes/${id}/messages`, instructor, { body: typed });
      assert.equal(page.status, 422);
      const shown = field(page.html, 'message');
      assert.equal(shown.error, `Le message ne peut pas dépasser 10${NNBSP}000 caractères (vous en avez saisi 10${NNBSP}001).`);
      assert.equal(shown.value, typed);
      assert.deepEqual((await applicant.get(`/api/requests/${id}/messages`)).body.messages, []);
    });

    it('the applicant’s request page bounds its reason and message textareas too, and shows a refusal next to the field with the text typed', async () => {
      const draft = (await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() })).body.request;
      const page = await getPage(t.baseUrl, `/demandes/${draft.id}`, applicant);
      assert.match(field(page.html, 'motif-archive').textarea, /maxLength="10000"/);
      assert.match(field(page.html, 'message').textarea, /maxLength="10000"/);
      const typed = 'a'.repeat(10_001);
      const archive = await postForm(t.baseUrl, `/demandes/${draft.id}/evenements/archive`, applicant, { version: String(draft.version), reason: typed });
      assert.equal(archive.status, 422);
      assert.deepEqual(field(archive.html, 'motif-archive'), { ...field(archive.html, 'motif-archive'), value: typed, error: `Le motif ne peut pas dépasser 10${NNBSP}000 caractères (vous en avez saisi 10${NNBSP}001).` });
      assert.equal((await applicant.get(`/api/requests/${draft.id}`)).body.request.state, 'draft');
      const message = await postForm(t.baseUrl, `/demandes/${draft.id}/messages`, applicant, { body: typed });
      assert.equal(message.status, 422);
      assert.equal(field(message.html, 'message').error, `Le message ne peut pas dépasser 10${NNBSP}000 caractères (vous en avez saisi 10${NNBSP}001).`);
      assert.equal(field(message.html, 'message').value, typed);
    });
  });
}
