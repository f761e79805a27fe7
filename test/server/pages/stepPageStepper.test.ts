import assert from 'node:assert/strict';
import { databaseChoices } from '../helpers/databases.js';
import { startTestApp, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, textOf } from './htmlClient.js';

/** The stepper's segments as the page draws them: `state` of each, in order. */
const stepperStates = (html: string) => [...html.matchAll(/<li class="datapass-stepper-steps__step[^"]*" data-state="(\w+)"/g)].map((m) => m[1]);

/** The step form's props embedded in the page, as the browser reads them. */
const islandOf = (html: string) => JSON.parse(/<script[^>]*id="island-props"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!.replace(/\\u003c/g, '<')) as { issues?: { pointer: string; message: string }[] };

for (const choice of databaseChoices()) {
  describe(`the step page's stepper draws a step done only when it is valid (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let applicant: ApiClient;
    let id: string;
    before(async function () {
      t = await startTestApp(await choice.start(this));
      applicant = await t.client('applicant');
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre', data: { basic_infos: { intitule: 'Cantine' }, modalities: { modalities: ['params'] } } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      id = created.body.request.id;
    });
    after(async () => t?.close());

    it('on step 3 with step 1 incomplete: steps 1 and 2 to complete, step 3 current', async () => {
      const page = await getPage(t.baseUrl, `/demandes/${id}/etapes/modalities`, applicant);
      assert.equal(page.status, 200);
      assert.deepEqual(stepperStates(page.html).slice(0, 3), ['todo', 'todo', 'current']);
      assert.ok(textOf(page.html).includes('Étape 1 : Votre projet, à compléter'), 'screen readers hear the state');
    });

    it('step 1 completed: drawn done', async () => {
      const current = (await applicant.get(`/api/requests/${id}`)).body.request;
      const saved = await applicant.patch(`/api/requests/${id}`, { version: current.version, data: { ...current.data, basic_infos: { intitule: 'Cantine', description: 'Tarifer la cantine selon le quotient familial.' } } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const page = await getPage(t.baseUrl, `/demandes/${id}/etapes/modalities`, applicant);
      assert.deepEqual(stepperStates(page.html).slice(0, 3), ['done', 'todo', 'current']);
    });

    it('?verifier shows the step’s own errors from the first render, one per missing field; without it, none', async () => {
      const checked = islandOf((await getPage(t.baseUrl, `/demandes/${id}/etapes/legal?verifier=1`, applicant)).html);
      assert.deepEqual(checked.issues?.map((i) => i.pointer), ['/legal/cadre_juridique_nature', '/legal']);
      assert.equal(islandOf((await getPage(t.baseUrl, `/demandes/${id}/etapes/legal`, applicant)).html).issues, undefined);
    });
  });
}
