import assert from 'node:assert/strict';
import { PEOPLE, startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, postForm, textOf } from './htmlClient.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);

describe('managers: message templates and the team of their definitions (SQLite)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let manager: ApiClient, reporter: ApiClient, applicant: ApiClient, newcomer: ApiClient;
  let id: string;
  before(async () => {
    t = await startTestApp();
    // Inès instructs API Particulier; she becomes its manager too.
    await t.db('user_roles').insert({ user_id: t.userIds.instructor, role: 'dinum:api-particulier:manager' });
    [manager, reporter, applicant, newcomer] = await Promise.all([t.client('instructor'), t.client('reporter'), t.client('applicant'), t.client('dgfipInstructor')]);
    const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
    id = created.body.request.id;
    assert.equal((await applicant.post(`/api/requests/${id}/events/submit`, { version: created.body.request.version, data: example() })).status, 200);
  });
  after(async () => t?.close());

  it('refuses a template with an unknown variable, keeps a good one, and the instructor decides with it', async () => {
    const page = await getPage(t.baseUrl, '/instruction/modeles', manager);
    assert.equal(page.status, 200);
    assert.ok(textOf(page.html).includes('{{lien}}'), 'the variables are listed');
    const bad = await postForm(t.baseUrl, '/instruction/modeles', manager, { formId: 'nouveau-api-particulier', definitionId: 'api-particulier', title: 'Pièce manquante', event: 'request_changes', body: 'Bonjour {{nom}}' });
    assert.equal(bad.status, 422);
    assert.ok(textOf(bad.html).includes('Variable inconnue : {{nom}}'), textOf(bad.html));
    assert.equal(Number((await t.db('message_templates').count({ n: '*' }))[0]!.n), 0, 'nothing stored');
    const good = await postForm(t.baseUrl, '/instruction/modeles', manager, { formId: 'nouveau-api-particulier', definitionId: 'api-particulier', title: 'Pièce manquante', event: 'request_changes', body: 'Merci de joindre la délibération à la demande {{numero}} ({{titre}}) : {{lien}}' });
    assert.equal(good.status, 303, textOf(good.html));

    const review = await getPage(t.baseUrl, `/instruction/demandes/${id}`, manager);
    const templateId = /<option value="(\d+)">Pièce manquante<\/option>/.exec(review.html)?.[1];
    assert.ok(templateId, 'the template is offered with the decision');
    const version = /name="version" value="(\d+)"/.exec(review.html)![1]!;
    const decided = await postForm(t.baseUrl, `/instruction/demandes/${id}/evenements/request_changes`, manager, { version, template: templateId, reason: '' });
    assert.equal(decided.status, 303, textOf(decided.html));
    const events = (await applicant.get(`/api/requests/${id}/events`)).body.events as { event: string; reason?: string }[];
    const reason = events.find((e) => e.event === 'request_changes')?.reason ?? '';
    assert.ok(reason.startsWith(`Merci de joindre la délibération à la demande ${id} (Tarification sociale`), reason);
    assert.ok(reason.endsWith(`/demandes/${id}`), reason);
  });

  it('adds a reporter by e-mail, who then finds the request, and removes them', async () => {
    assert.equal((await getPage(t.baseUrl, `/instruction/demandes/${id}`, newcomer)).status, 404);
    const unknown = await postForm(t.baseUrl, '/instruction/equipe', manager, { definitionId: 'api-particulier', email: 'personne@nulle-part.fr', role: 'reporter' });
    assert.equal(unknown.status, 422);
    assert.ok(textOf(unknown.html).includes('doit d’abord se connecter une fois'));
    const added = await postForm(t.baseUrl, '/instruction/equipe', manager, { definitionId: 'api-particulier', email: PEOPLE.dgfipInstructor.email, role: 'reporter' });
    assert.equal(added.status, 303, textOf(added.html));
    assert.equal((await getPage(t.baseUrl, `/instruction/demandes/${id}`, newcomer)).status, 200, 'the new reporter reads the request');
    const team = textOf((await getPage(t.baseUrl, '/instruction/equipe', manager)).html);
    assert.ok(team.includes(PEOPLE.dgfipInstructor.email) && team.includes('Rapporteur'), team);
    const removed = await postForm(t.baseUrl, '/instruction/equipe/retirer', manager, { definitionId: 'api-particulier', email: PEOPLE.dgfipInstructor.email, role: 'dinum:api-particulier:reporter' });
    assert.equal(removed.status, 303);
    assert.equal((await getPage(t.baseUrl, `/instruction/demandes/${id}`, newcomer)).status, 404);
    // A manager gives only this page's rights: not manager, not another provider's.
    const escalate = await postForm(t.baseUrl, '/instruction/equipe', manager, { definitionId: 'api-particulier', email: PEOPLE.dgfipInstructor.email, role: 'manager' });
    assert.equal(escalate.status, 422);
    assert.equal(Number((await t.db('user_roles').where({ user_id: t.userIds.dgfipInstructor, role: 'dinum:api-particulier:manager' }).count({ n: '*' }))[0]!.n), 0);
  });

  it('keeps templates and teams to managers', async () => {
    for (const path of ['/instruction/modeles', '/instruction/equipe']) assert.equal((await getPage(t.baseUrl, path, reporter)).status, 403, path);
    const forged = await postForm(t.baseUrl, '/instruction/equipe', reporter, { definitionId: 'api-particulier', email: PEOPLE.reporter.email, role: 'instructor' });
    assert.equal(forged.status, 403);
  });
});
