import assert from 'node:assert/strict';
import { createUser } from '../../../server/db/repositories/users.js';
import { databaseChoices } from '../helpers/databases.js';
import { ApiClient, startTestApp, type TestApp } from '../helpers/testApp.js';
import { getPage, postForm } from './htmlClient.js';

const NNBSP = '\u202f';
const tooLong = (field: string, max: string, typed: string) => `${field} ne peut pas dépasser ${max} caractères (vous en avez saisi ${typed}).`;

/** The DSFR error shown under the field `id` (its `aria-describedby`), if any. */
function errorOf(html: string, id: string): string | undefined {
  const field = new RegExp(`<(?:input|textarea|select)[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  assert.ok(field, `no field #${id}`);
  const describedBy = /aria-describedby="([^"]+)"/.exec(field)?.[1];
  return describedBy ? new RegExp(`<p class="fr-error-text" id="${describedBy}">([^<]*)</p>`).exec(html)?.[1] : undefined;
}

for (const choice of databaseChoices()) {
  describe(`free texts of the managers’, admins’ and developers’ pages are bounded (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let manager: ApiClient, admin: ApiClient, developer: ApiClient;
    const templates = async () => Number((await t.db('message_templates').count({ n: '*' }))[0]!.n);
    const template = (fields: Record<string, string>) =>
      postForm(t.baseUrl, '/instruction/modeles', manager, { formId: 'nouveau-api-particulier', definitionId: 'api-particulier', title: 'Pièce manquante', event: 'request_changes', body: 'Bonjour', ...fields });

    before(async function () {
      t = await startTestApp(await choice.start(this));
      await t.db('user_roles').insert({ user_id: t.userIds.instructor, role: 'dinum:api-particulier:manager' });
      await createUser(t.db, { email: 'malo.dev@dinum.gouv.fr', givenName: 'Malo', familyName: 'Dev', roles: ['dinum:api-particulier:developer'] }, t.clock.now());
      [manager, admin, developer] = await Promise.all([t.client('instructor'), t.client('admin'), ApiClient.signIn(t.baseUrl, 'malo.dev@dinum.gouv.fr')]);
    });
    after(async () => t?.close());

    it('a template: its name at 200 characters, its text at the reason limit of its decision, each error under its field, and the fields say so', async () => {
      const page = await getPage(t.baseUrl, '/instruction/modeles', manager);
      assert.match(page.html, /id="nouveau-api-particulier-titre"[^>]*maxLength="200"|maxLength="200"[^>]*id="nouveau-api-particulier-titre"/);
      assert.match(page.html, /id="nouveau-api-particulier-texte"[^>]*maxLength="10000"|maxLength="10000"[^>]*id="nouveau-api-particulier-texte"/);

      const longTitle = await template({ title: 't'.repeat(201) });
      assert.equal(longTitle.status, 422);
      assert.equal(errorOf(longTitle.html, 'nouveau-api-particulier-titre'), tooLong('Le nom du modèle', '200', '201'));
      assert.equal(errorOf(longTitle.html, 'nouveau-api-particulier-texte'), undefined, 'the text is not blamed');

      const longBody = await template({ body: 'b'.repeat(10_001) });
      assert.equal(longBody.status, 422);
      assert.equal(errorOf(longBody.html, 'nouveau-api-particulier-texte'), tooLong('Le texte du modèle', `10${NNBSP}000`, `10${NNBSP}001`));
      assert.equal(errorOf(longBody.html, 'nouveau-api-particulier-titre'), undefined);
      assert.ok(longBody.html.includes('b'.repeat(10_001)), 'the text typed is kept');
      assert.equal(await templates(), 0);

      assert.equal((await template({ title: 't'.repeat(200), body: 'b'.repeat(10_000) })).status, 303);
      assert.equal(await templates(), 1);
    });

    it('a template’s variables are found in one pass: `{{` and thousands of blanks, or `{{constructor}}`, cost nothing and fill nothing', async () => {
      const start = performance.now();
      const blanks = await template({ title: 'Espaces', body: `{{${' '.repeat(9_000)}x` });
      assert.equal(blanks.status, 303, 'no variable: saved');
      assert.ok(performance.now() - start < 2_000, `${Math.round(performance.now() - start)} ms`);
      const prototypeName = await template({ title: 'Prototype', body: 'Bonjour {{constructor}}' });
      assert.equal(prototypeName.status, 422);
      assert.match(errorOf(prototypeName.html, 'nouveau-api-particulier-texte')!, /^Variable inconnue : \{\{constructor\}\}/);
    });

    it('a team member’s e-mail at 254 characters, under its field', async () => {
      const email = `${'a'.repeat(250)}@dinum.gouv.fr`;
      const refused = await postForm(t.baseUrl, '/instruction/equipe', manager, { definitionId: 'api-particulier', role: 'reporter', email });
      assert.equal(refused.status, 422);
      assert.equal(errorOf(refused.html, 'email-api-particulier'), tooLong('L’adresse e-mail', '254', '264'));
      assert.match(refused.html, /id="email-api-particulier"[^>]*maxLength="254"|maxLength="254"[^>]*id="email-api-particulier"/);
    });

    it('a role typed by an admin at 300 characters, with the length named, not cut silently', async () => {
      const role = `dinum:api-particulier:${'r'.repeat(300)}`;
      const refused = await postForm(t.baseUrl, `/admin/utilisateurs/${t.userIds.reporter}/roles`, admin, { role, q: '' });
      assert.equal(refused.status, 422);
      assert.ok(refused.html.includes(tooLong('Le rôle', '300', '322')), 'the length is named');
    });

    it('an API client’s name at 255 characters, under its field', async () => {
      const refused = await postForm(t.baseUrl, '/instruction/clients-api/api-particulier', developer, { name: 'n'.repeat(256) });
      assert.equal(refused.status, 422);
      assert.equal(errorOf(refused.html, 'nom-client'), tooLong('Le nom du client', '255', '256'));
    });

    it('the demo sign-in’s e-mail at 254 characters: 422 at /email, not a lookup of any length echoed back', async () => {
      const anonymous = new ApiClient(t.baseUrl);
      await anonymous.refreshCsrf();
      const refused = await anonymous.post('/auth/demo', { email: `${'a'.repeat(5_000)}@x.fr` });
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.body.errors, [{ code: 'TEXT_TOO_LONG', title: 'Text too long', detail: tooLong('L’adresse e-mail', '254', `5${NNBSP}005`), source: { pointer: '/email' } }]);
    });

    it('a search of the desk, the catalogue and the users is cut at 200 characters: a long one answers at once', async () => {
      const q = encodeURIComponent('mot '.repeat(2_000));
      for (const [path, client] of [[`/instruction?q=${q}`, manager], [`/catalogue?q=${q}`, manager], [`/admin/utilisateurs?q=${q}`, admin]] as const) {
        const start = performance.now();
        const page = await getPage(t.baseUrl, path, client);
        assert.equal(page.status, 200, path.slice(0, 30));
        assert.ok(!page.html.includes('mot '.repeat(60)), `${path.slice(0, 30)}: the search shown is the one searched, cut`);
        assert.ok(performance.now() - start < 2_000, `${path.slice(0, 30)}: ${Math.round(performance.now() - start)} ms`);
      }
    });
  });
}
