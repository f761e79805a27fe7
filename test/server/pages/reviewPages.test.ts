import assert from 'node:assert/strict';
import { ORGANIZATIONS, PEOPLE, startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, postForm, textOf } from './htmlClient.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);

describe('the instruction desk and the review page, server-rendered (SQLite)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let applicant: ApiClient, instructor: ApiClient, reporter: ApiClient, dgfip: ApiClient;
  let id: string;
  before(async () => {
    t = await startTestApp();
    [applicant, instructor, reporter, dgfip] = await Promise.all([t.client('applicant'), t.client('instructor'), t.client('reporter'), t.client('dgfipInstructor')]);
    const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
    id = created.body.request.id;
    const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: created.body.request.version, data: example() });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  });
  after(async () => t?.close());

  it('lists the request on the desk of its instructor and reporter, not on another provider’s', async () => {
    for (const client of [instructor, reporter]) {
      const desk = await getPage(t.baseUrl, '/instruction?definition=api-particulier&state=submitted', client);
      assert.equal(desk.status, 200);
      assert.ok(desk.html.includes(`href="/instruction/demandes/${id}"`), textOf(desk.html));
      assert.ok(textOf(desk.html).includes('Commune A'));
    }
    const other = await getPage(t.baseUrl, '/instruction', dgfip);
    assert.equal(other.status, 200);
    assert.ok(!other.html.includes(`/instruction/demandes/${id}"`));
    assert.equal((await getPage(t.baseUrl, '/instruction', applicant)).status, 403, 'an applicant has no desk');
  });

  it('asks for changes with a reason, then shows exactly what the resubmission changed, then approves', async () => {
    const review = await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor);
    assert.equal(review.status, 200);
    const version = /name="version" value="(\d+)"/.exec(review.html)![1]!;
    const missing = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/request_changes`, instructor, { version });
    assert.equal(missing.status, 422, 'the reason is required');
    assert.ok(textOf(missing.html).includes('Décision non enregistrée'));
    const asked = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/request_changes`, instructor, { version, reason: 'Précisez la durée de conservation.' });
    assert.equal(asked.status, 303, textOf(asked.html));

    const current = (await applicant.get(`/api/requests/${id}`)).body.request;
    const data = { ...current.data, personal_data: { ...current.data.personal_data, duree_conservation_donnees_caractere_personnel: 24 } };
    const resubmitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: current.version, data });
    assert.equal(resubmitted.status, 200, JSON.stringify(resubmitted.body));

    const changed = await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor);
    const text = textOf(changed.html);
    assert.ok(text.includes('Modifié depuis la soumission précédente'), text);
    assert.match(text, /Données personnelles › [^|]*conservation[^|]* 12 24/);
    assert.equal((changed.html.match(/datapass-summary__row--changed/g) ?? []).length, 1, 'exactly the changed answer is marked');

    const reporterView = await getPage(t.baseUrl, `/instruction/demandes/${id}`, reporter);
    assert.equal(reporterView.status, 200);
    assert.ok(!reporterView.html.includes('/evenements/'), 'a reporter has no action button');
    assert.ok(!reporterView.html.includes('Écrire au demandeur'));

    const v2 = /name="version" value="(\d+)"/.exec(changed.html)![1]!;
    const approved = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/approve`, instructor, { version: v2 });
    assert.equal(approved.status, 303);
    const applicantPage = textOf((await getPage(t.baseUrl, `/demandes/${id}`, applicant)).html);
    assert.ok(applicantPage.includes('Validée') && applicantPage.includes('Habilitation H'), applicantPage);
  });

  it('transfers the request to a member of another organisation by e-mail and SIRET, and refuses an unknown account', async () => {
    const review = await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor);
    assert.ok(review.html.includes('Adresse e-mail du nouveau demandeur'), 'the instructor may transfer');
    const version = /name="version" value="(\d+)"/.exec(review.html)![1]!;
    const unknown = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/transfer`, instructor, { version, email: 'personne@nulle-part.fr', siret: ORGANIZATIONS.communeB.siret });
    assert.equal(unknown.status, 422);
    assert.ok(textOf(unknown.html).includes('Aucun compte n’a l’adresse « personne@nulle-part.fr »'));
    const moved = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/transfer`, instructor, { version, email: PEOPLE.applicant.email, siret: ORGANIZATIONS.communeB.siret });
    assert.equal(moved.status, 303, textOf(moved.html));
    const after = textOf((await getPage(t.baseUrl, `/instruction/demandes/${id}`, instructor)).html);
    assert.ok(after.includes(`Commune B (SIRET ${ORGANIZATIONS.communeB.siret}`), after);
  });

  it('answers 404, recorded, to another provider’s instructor and to the applicant on the review page', async () => {
    for (const client of [dgfip, applicant]) {
      const before = Number((await t.db('access_denials').count({ n: '*' }))[0]!.n);
      const page = await getPage(t.baseUrl, `/instruction/demandes/${id}`, client);
      assert.equal(page.status, 404);
      assert.ok(!page.html.includes('Tarification sociale'));
      assert.equal(Number((await t.db('access_denials').count({ n: '*' }))[0]!.n), before + 1);
    }
  });
});
