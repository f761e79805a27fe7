import assert from 'node:assert/strict';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, postForm, textOf } from './htmlClient.js';

const example = () => structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);

describe('the applicant’s pages, server-rendered (SQLite)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let applicant: ApiClient, other: ApiClient, instructor: ApiClient;
  before(async () => {
    t = await startTestApp();
    [applicant, other, instructor] = await Promise.all([t.client('applicant'), t.client('otherApplicant'), t.client('instructor')]);
  });
  after(async () => t?.close());

  it('shows the catalogue to anyone, searchable without JavaScript, without production stages', async () => {
    const all = await getPage(t.baseUrl, '/catalogue');
    assert.equal(all.status, 200);
    for (const name of ['API Particulier', 'API Entreprise', 'FranceConnect']) assert.ok(textOf(all.html).includes(name), name);
    assert.ok(!all.html.includes('href="/catalogue/api-ficoba"'), 'a production stage is started from its sandbox, not from the catalogue');
    const found = await getPage(t.baseUrl, '/catalogue?q=%C3%A9l%C3%A8ve%20BOURSIER');
    // Accents and case ignored; the count the page gives is the number of definitions it lists.
    const listed = new Set([...found.html.matchAll(/href="\/catalogue\/([^"/?]+)"/g)].map((m) => m[1]));
    assert.match(textOf(found.html), new RegExp(`${listed.size} résultats? pour « élève BOURSIER »`), textOf(found.html).slice(0, 2000));
    assert.ok(found.html.includes('href="/catalogue/api-particulier"'));
    assert.ok(!found.html.includes('href="/catalogue/api-entreprise"'));
  });

  it('sends an anonymous visitor of « Mes demandes » to the sign-in page, and back', async () => {
    const page = await getPage(t.baseUrl, '/demandes');
    assert.equal(page.status, 303);
    assert.equal(page.location, '/connexion?retour=%2Fdemandes');
  });

  it('takes a request from the intro page to submitted through HTML forms, with the terms checked on the server', async () => {
    const intro = await getPage(t.baseUrl, '/catalogue/api-particulier/tarification-municipale-enfance', applicant);
    assert.equal(intro.status, 200);
    assert.ok(textOf(intro.html).includes('Votre demande en 5 étapes'), textOf(intro.html));
    assert.ok(textOf(intro.html).includes('Délai de traitement estimé'));
    const created = await postForm(t.baseUrl, '/demandes', applicant, { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance' });
    assert.equal(created.status, 303, created.html);
    const match = /^\/demandes\/(D\d+)\/etapes\/basic_infos$/.exec(created.location ?? '');
    assert.ok(match, String(created.location));
    const id = match[1]!;

    const step = await getPage(t.baseUrl, created.location!, applicant);
    assert.equal(step.status, 200);
    assert.ok(textOf(step.html).includes('Étape 1 sur 5'));
    assert.ok(step.html.includes('id="island-props"') && step.html.includes('/assets/stepPage.js'));

    const current = await applicant.get(`/api/requests/${id}`);
    const { terms: _terms, ...data } = example();
    const saved = await applicant.patch(`/api/requests/${id}`, { data, version: current.body.request.version });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));

    const summary = await getPage(t.baseUrl, `/demandes/${id}/recapitulatif`, applicant);
    assert.equal(summary.status, 200);
    const text = textOf(summary.html);
    assert.ok(text.includes("Tarification sociale des services municipaux à l'enfance"), 'the answers are shown');
    assert.ok(text.includes('Quotient familial CAF & MSA'), 'scopes by their labels');
    assert.ok(summary.html.includes(`href="/demandes/${id}/etapes/legal"`), 'each block links to its step');

    const refused = await postForm(t.baseUrl, `/demandes/${id}/soumettre`, applicant, { version: String(saved.body.request.version) });
    assert.equal(refused.status, 422);
    assert.ok(textOf(refused.html).includes('La demande n’a pas été envoyée'), textOf(refused.html));
    assert.ok(refused.html.includes('href="#engagement-cgu"'), 'the summary links to the box to tick');
    assert.ok(/id="engagement-cgu-erreur"/.test(refused.html), 'the error sits next to its box');

    const submitted = await postForm(t.baseUrl, `/demandes/${id}/soumettre`, applicant, { version: String(saved.body.request.version), 'terms[cgu]': 'on', 'terms[dpo_informed]': 'on' });
    assert.equal(submitted.status, 303, textOf(submitted.html));
    assert.equal(submitted.location, `/demandes/${id}?fait=envoyee`);
    const page = await getPage(t.baseUrl, submitted.location!, applicant);
    assert.ok(textOf(page.html).includes('Demande envoyée'));
    assert.ok(textOf(page.html).includes('En cours d’instruction'));
    const dashboard = await getPage(t.baseUrl, '/demandes', applicant);
    assert.ok(textOf(dashboard.html).includes(id) && textOf(dashboard.html).includes('En cours d’instruction'));

    // The instructor asks for changes: the applicant reads the reason on the request page and may go on editing.
    const view = await instructor.get(`/api/requests/${id}`);
    const asked = await instructor.post(`/api/requests/${id}/events/request_changes`, { version: view.body.request.version, reason: 'Joignez la délibération tarifaire.' });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    const again = textOf((await getPage(t.baseUrl, `/demandes/${id}`, applicant)).html);
    assert.ok(again.includes('Modifications demandées par l’équipe d’instruction') && again.includes('Joignez la délibération tarifaire.'), again);
    assert.ok(again.includes('Continuer la demande'));

    // Another organisation's applicant gets the same « not found » for each page of it, with none of its data.
    for (const path of [`/demandes/${id}`, `/demandes/${id}/etapes/basic_infos`, `/demandes/${id}/recapitulatif`]) {
      const leak = await getPage(t.baseUrl, path, other);
      assert.equal(leak.status, 404, path);
      assert.ok(!leak.html.includes('Tarification sociale'), `${path} leaks the request's data`);
      assert.ok(textOf(leak.html).includes('Page introuvable'));
    }
  });

  it('estimates the processing time from the decisions of the last months', async () => {
    const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data: example() });
    const id = created.body.request.id;
    const submitted = await applicant.post(`/api/requests/${id}/events/submit`, { version: created.body.request.version, data: example() });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    t.clock.advance(4 * 86_400_000);
    const approved = await instructor.post(`/api/requests/${id}/events/approve`, { version: submitted.body.request.version });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const page = textOf((await getPage(t.baseUrl, '/catalogue/api-particulier')).html);
    assert.ok(page.includes('Environ 4 jours'), page);
    assert.ok(page.includes('la seule demande traitée ces 6 derniers mois'), page);

    // The authorization is shown; its access link once the provider has named the account it leads to.
    const before = textOf((await getPage(t.baseUrl, `/demandes/${id}`, applicant)).html);
    assert.ok(before.includes('Habilitation H') && before.includes('Le fournisseur prépare vos accès'), before);
    await t.db('requests').where({ id: Number(id.slice(1)) }).update({ external_provider_id: 'jeton-42' });
    const after = await getPage(t.baseUrl, `/demandes/${id}`, applicant);
    assert.ok(after.html.includes('href="https://particulier.api.gouv.fr/compte/jetons/jeton-42"'), textOf(after.html));
  });

  it('serves the DSFR and the client bundle, and answers unknown pages in the frame', async () => {
    assert.equal((await fetch(`${t.baseUrl}/dsfr/dsfr.min.css`)).status, 200);
    const bundle = await fetch(`${t.baseUrl}/assets/stepPage.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await bundle.text()).length > 10_000);
    const missing = await getPage(t.baseUrl, '/nulle-part');
    assert.equal(missing.status, 404);
    assert.ok(textOf(missing.html).includes('Page introuvable'));
    assert.ok(missing.html.includes('class="fr-header"'));
  });
});
