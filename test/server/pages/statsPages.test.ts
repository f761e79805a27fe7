import assert from 'node:assert/strict';
import { startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, textOf } from './htmlClient.js';

const DAY = 86_400_000;
const exampleOf = (definitionId: string, name: string) => structuredClone(testRegistry().definitions.get(definitionId)!.examples.find((e) => e.name === name)!);

describe('the statistics pages, public and in the administration (SQLite)', function () {
  this.timeout(60_000);
  let t: TestApp;
  let applicant: ApiClient, instructor: ApiClient, admin: ApiClient;

  before(async () => {
    t = await startTestApp();
    [applicant, instructor, admin] = await Promise.all([t.client('applicant'), t.client('instructor'), t.client('admin')]);
    const particulier = exampleOf('api-particulier', 'valid-tarification-municipale-enfance');
    const entreprise = exampleOf('api-entreprise', 'valid-marches-publics');
    const create = async (definitionId: string, example: typeof particulier) => {
      const created = await applicant.post('/api/requests', { definitionId, useCaseId: example.useCaseId, data: example.data });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.request.id as string;
    };
    const fire = async (client: ApiClient, id: string, event: string, extra: Record<string, unknown> = {}) => {
      const version = (await applicant.get(`/api/requests/${id}`)).body.request.version;
      const response = await client.post(`/api/requests/${id}/events/${event}`, { version, ...extra });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    };
    // Two API Particulier requests submitted after 1 and 2 days, the first approved 3 days after its
    // submission; one API Entreprise draft.
    const first = await create('api-particulier', particulier);
    const second = await create('api-particulier', particulier);
    await create('api-entreprise', entreprise);
    t.clock.advance(DAY);
    await fire(applicant, first, 'submit');
    t.clock.advance(DAY);
    await fire(applicant, second, 'submit');
    t.clock.advance(2 * DAY);
    await fire(instructor, first, 'approve');
  });
  after(async () => t?.close());

  it('shows everyone, without signing in, the counts, the durations and the backlog, each chart with its table', async () => {
    const page = await getPage(t.baseUrl, '/stats');
    assert.equal(page.status, 200, page.html);
    const text = textOf(page.html);
    assert.ok(text.includes('Statistiques'), text);
    assert.ok(text.includes('Demandes par état État Demandes Part Brouillon 1 33,3 % En cours d’instruction 1 33,3 % Validée 1 33,3 %'), text);
    assert.match(text, /Demandes par habilitation et par état Habilitation Total .*API Entreprise 1 .*API Particulier 2 /);
    // Submitted after 1 and 2 days: median 1,5 j, p80 1,8 j; one decision, after 3 days; one first answer.
    assert.match(text, /Création → première soumission .* 1,5 j 1,8 j 2 /);
    assert.match(text, /Soumission → décision .* 3 j 3 j 1 /);
    assert.ok(text.includes('1 demande en attente de décision au 28 novembre 2026'), 'the first request was decided: one awaits');
    for (const id of ['graphique-etats', 'graphique-habilitations', 'graphique-delais', 'graphique-attente']) {
      assert.ok(page.html.includes(`aria-labelledby="${id}-titre ${id}-description"`), `${id} has its accessible name`);
    }
    assert.equal((page.html.match(/role="img"/g) ?? []).length, 4);
    assert.ok((page.html.match(/class="fr-table /g) ?? []).length >= 4, 'a DSFR table beside every chart');
    assert.ok(text.includes('Se connecter'), 'nobody is signed in');
  });

  it('restricts every figure to the definition chosen, and refuses an unknown one', async () => {
    const page = await getPage(t.baseUrl, '/stats?definition=api-entreprise');
    assert.equal(page.status, 200);
    const text = textOf(page.html);
    assert.ok(text.includes('Statistiques : API Entreprise'), text);
    assert.match(text, /Demandes par état État Demandes Part Brouillon 1 100 %/);
    assert.ok(!text.includes('Validée'), 'no API Particulier figure');
    assert.ok(!text.includes('Demandes par habilitation'), 'one definition: no breakdown by definition');
    assert.ok(text.includes('Aucune demande soumise sur la période'));
    assert.ok(page.html.includes('<option value="api-entreprise" selected=""'), 'the filter shows the choice');
    const unknown = await getPage(t.baseUrl, '/stats?definition=api-inconnue');
    assert.equal(unknown.status, 404);
    assert.ok(textOf(unknown.html).includes('L’habilitation « api-inconnue » n’existe pas'));
  });

  it('keeps /admin/statistiques to admins: the sign-in page for nobody, 403 for an applicant or an instructor', async () => {
    const anonymous = await getPage(t.baseUrl, '/admin/statistiques?definition=api-particulier');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent('/admin/statistiques?definition=api-particulier')}`);
    for (const client of [applicant, instructor]) {
      const refused = await getPage(t.baseUrl, '/admin/statistiques', client);
      assert.equal(refused.status, 403);
      assert.ok(textOf(refused.html).includes('réservées aux administrateurs'));
    }
    const page = await getPage(t.baseUrl, '/admin/statistiques?definition=api-particulier', admin);
    assert.equal(page.status, 200);
    const text = textOf(page.html);
    assert.ok(text.includes('Administration Statistiques'), 'the breadcrumb');
    assert.ok(text.includes('Statistiques : API Particulier'));
    assert.match(text, /Validée 1 50 %/);
    assert.ok(page.html.includes('action="/admin/statistiques"'), 'the filter stays in the administration');
  });
});
