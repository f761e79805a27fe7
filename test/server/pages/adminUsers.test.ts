import assert from 'node:assert/strict';
import { pino } from 'pino';
import { checkRole } from '../../../server/http/pages/admin/checkRole.js';
import { grantableRoles } from '../../../server/http/pages/admin/grantableRoles.js';
import { databaseChoices } from '../helpers/databases.js';
import { PEOPLE, startTestApp, testRegistry, type ApiClient, type TestApp } from '../helpers/testApp.js';
import { getPage, postForm, textOf } from './htmlClient.js';

for (const choice of databaseChoices()) {
  describe(`the administration: users and roles, and who may enter (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    let admin: ApiClient, applicant: ApiClient, instructor: ApiClient, reporter: ApiClient;
    let logged: Record<string, unknown>[];
    before(async function () {
      t = await startTestApp(await choice.start(this));
      [admin, applicant, instructor, reporter] = await Promise.all([t.client('admin'), t.client('applicant'), t.client('instructor'), t.client('reporter')]);
    });
    beforeEach(() => {
      // The routes read `ctx.log` when they log: a logger of the test's own sees what they write.
      logged = [];
      t.ctx.log = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    });
    after(async () => t?.close());

    const rolesOf = async (userId: number) => (await t.db('user_roles').where({ user_id: userId }).orderBy('role')).map((r) => String(r.role));

    it('lists the users with their roles, and finds them by e-mail or name', async () => {
      const page = await getPage(t.baseUrl, '/admin/utilisateurs', admin);
      assert.equal(page.status, 200);
      const text = textOf(page.html);
      for (const person of Object.values(PEOPLE)) {
        assert.ok(text.includes(person.email), person.email);
        for (const role of person.roles) assert.ok(text.includes(role), role);
      }
      assert.ok(text.includes('instructeur, API Particulier'), 'a role is said in French too');

      const byName = textOf((await getPage(t.baseUrl, '/admin/utilisateurs?q=romane', admin)).html);
      assert.ok(byName.includes(PEOPLE.reporter.email) && !byName.includes(PEOPLE.applicant.email), byName);
      const byMail = textOf((await getPage(t.baseUrl, `/admin/utilisateurs?q=${encodeURIComponent('@dgfip.finances')}`, admin)).html);
      assert.ok(byMail.includes(PEOPLE.dgfipInstructor.email) && !byMail.includes(PEOPLE.instructor.email), byMail);
      const byFullName = textOf((await getPage(t.baseUrl, `/admin/utilisateurs?q=${encodeURIComponent('Inès Instr')}`, admin)).html);
      assert.ok(byFullName.includes(PEOPLE.instructor.email), byFullName);
      for (const wildcard of ['%', '_']) {
        assert.ok(textOf((await getPage(t.baseUrl, `/admin/utilisateurs?q=${encodeURIComponent(wildcard)}`, admin)).html).includes('Aucun utilisateur ne correspond.'), `${wildcard} is a character, not a wildcard`);
      }
    });

    it('adds dinum:api-particulier:reporter: stored, logged, and the user then has that definition’s desk', async () => {
      const id = t.userIds.applicant;
      assert.equal((await getPage(t.baseUrl, '/instruction', applicant)).status, 403, 'no desk before');
      const added = await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles`, admin, { role: ' dinum:api-particulier:reporter ', q: 'camille' });
      assert.equal(added.status, 303, textOf(added.html));
      assert.equal(added.location, `/admin/utilisateurs?q=camille&fait=ajout#utilisateur-${id}`);
      assert.deepEqual(await rolesOf(id), ['dinum:api-particulier:reporter']);
      assert.ok(logged.some((l) => l.msg === 'role added' && l.adminId === t.userIds.admin && l.userId === id && l.role === 'dinum:api-particulier:reporter'), JSON.stringify(logged));

      const after = await getPage(t.baseUrl, added.location!.replace(/#.*/, ''), admin);
      assert.ok(textOf(after.html).includes('Rôle ajouté'));
      const desk = await getPage(t.baseUrl, '/instruction', applicant);
      assert.equal(desk.status, 200, 'the role applies on the next page');
      assert.ok(desk.html.includes('value="api-particulier"') && !desk.html.includes('value="api-entreprise"'), 'the desk of that definition only');

      await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles/retirer`, admin, { role: 'dinum:api-particulier:reporter' });
      assert.equal((await getPage(t.baseUrl, '/instruction', applicant)).status, 403);
    });

    it('grants admin, a provider-wide role and a definition’s own role', async () => {
      const id = t.userIds.otherApplicant;
      for (const role of ['admin', 'dgfip:*:manager', 'exemple:api-exemple:developer']) {
        assert.equal((await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles`, admin, { role })).status, 303, role);
      }
      assert.deepEqual(await rolesOf(id), ['admin', 'dgfip:*:manager', 'exemple:api-exemple:developer']);
      for (const role of ['admin', 'dgfip:*:manager', 'exemple:api-exemple:developer']) await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles/retirer`, admin, { role });
      assert.deepEqual(await rolesOf(id), []);
    });

    it('refuses a malformed or unknown role with its message next to the field, and stores nothing', async () => {
      const id = t.userIds.applicant;
      // The lists the messages give, from the loaded definitions: they grow with the catalogue.
      const definitions = [...testRegistry().definitions.values()];
      const providers = [...new Set(definitions.map((d) => d.meta.provider))].sort().join(', ');
      const ofDinum = definitions.filter((d) => d.meta.provider === 'dinum').map((d) => d.id).sort().join(', ');
      const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const cases: [string, RegExp][] = [
        ['', /Indiquez le rôle à ajouter/],
        ['dinum-api-particulier-reporter', /« dinum-api-particulier-reporter » n’est pas un rôle\. Un rôle s’écrit admin, ou fournisseur:habilitation:rôle/],
        ['dinum:api-particulier', /n’est pas un rôle/],
        ['dinum:api-particulier:reporter:extra', /n’est pas un rôle/],
        ['Admin', /n’est pas un rôle/],
        ['inconnu:api-particulier:reporter', literally(`Le fournisseur « inconnu » n’existe pas. Fournisseurs connus : ${providers}.`)],
        ['dinum:api-inconnue:reporter', literally(`L’habilitation « api-inconnue » n’existe pas chez le fournisseur « dinum ». Habilitations de dinum : ${ofDinum}, ou * pour toutes.`)],
        ['dinum:api-ficoba:instructor', /L’habilitation « api-ficoba » est du fournisseur « dgfip », pas de « dinum »\./],
        ['dinum:api-particulier:chef', /Le rôle « chef » n’existe pas pour l’habilitation api-particulier\. Rôles possibles : instructor \(instructeur\), reporter \(rapporteur\), manager \(gestionnaire\), developer \(développeur\)\./],
        ['dinum:*:applicant', /Le rôle « applicant » n’existe pas pour les habilitations de dinum\./],
      ];
      const before = Number((await t.db('user_roles').count({ n: '*' }))[0]!.n);
      for (const [role, message] of cases) {
        const refused = await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles`, admin, { role });
        assert.equal(refused.status, 422, role);
        const text = textOf(refused.html);
        assert.match(text, message, role);
        assert.ok(text.includes('Rôle non ajouté'), 'announced at the top');
        // Next to the field: the field is marked, described by its message, and keeps what was typed.
        const field = new RegExp(`<input[^>]*id="role-${id}"[^>]*>`).exec(refused.html)?.[0] ?? '';
        assert.ok(field.includes(`aria-describedby="role-${id}-erreur"`) && field.includes('fr-input--error'), field);
        if (role) assert.ok(field.includes(`value="${role}"`), field);
        assert.match(refused.html, new RegExp(`<p class="fr-error-text" id="role-${id}-erreur">`));
      }
      assert.equal(Number((await t.db('user_roles').count({ n: '*' }))[0]!.n), before, 'nothing stored');
      assert.ok(!logged.some((l) => l.msg === 'role added'));

      const twice = await postForm(t.baseUrl, `/admin/utilisateurs/${t.userIds.instructor}/roles`, admin, { role: 'dinum:api-particulier:instructor' });
      assert.equal(twice.status, 422);
      assert.ok(textOf(twice.html).includes('Inès Instructrice a déjà le rôle dinum:api-particulier:instructor.'));
    });

    it('removes a role, logged; refuses to remove one’s own admin role or a role not held', async () => {
      const id = t.userIds.reporter;
      assert.equal((await getPage(t.baseUrl, '/instruction', reporter)).status, 200);
      const removed = await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles/retirer`, admin, { role: 'dinum:api-particulier:reporter' });
      assert.equal(removed.status, 303, textOf(removed.html));
      assert.deepEqual(await rolesOf(id), []);
      assert.ok(logged.some((l) => l.msg === 'role removed' && l.adminId === t.userIds.admin && l.userId === id && l.role === 'dinum:api-particulier:reporter'));
      assert.equal((await getPage(t.baseUrl, '/instruction', reporter)).status, 403, 'the desk is gone');

      const own = await postForm(t.baseUrl, `/admin/utilisateurs/${t.userIds.admin}/roles/retirer`, admin, { role: 'admin' });
      assert.equal(own.status, 422);
      assert.ok(textOf(own.html).includes('Vous ne pouvez pas retirer votre propre rôle admin'));
      assert.deepEqual(await rolesOf(t.userIds.admin), ['admin']);

      const notHeld = await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles/retirer`, admin, { role: 'dinum:api-particulier:reporter' });
      assert.equal(notHeld.status, 422);
      assert.ok(textOf(notHeld.html).includes('n’a pas le rôle dinum:api-particulier:reporter'));

      assert.equal((await postForm(t.baseUrl, '/admin/utilisateurs/999999/roles', admin, { role: 'admin' })).status, 404);
      await postForm(t.baseUrl, `/admin/utilisateurs/${id}/roles`, admin, { role: 'dinum:api-particulier:reporter' });
    });

    it('answers 403 to anyone but an admin on every /admin page, GET and POST, and sends the signed-out to sign in', async () => {
      const pages = ['/admin', '/admin/utilisateurs', '/admin/utilisateurs?q=a', '/admin/definitions', '/admin/definitions/api-particulier', '/admin/definitions/inconnue', '/admin/statistiques'];
      for (const client of [applicant, instructor, reporter]) {
        for (const path of pages) {
          const page = await getPage(t.baseUrl, path, client);
          assert.equal(page.status, 403, path);
          // The statistics are another router's, with their own words.
          if (path !== '/admin/statistiques') assert.ok(textOf(page.html).includes('L’administration est réservée aux administrateurs de DataPass.'), path);
        }
        for (const path of [`/admin/utilisateurs/${t.userIds.applicant}/roles`, `/admin/utilisateurs/${t.userIds.admin}/roles/retirer`]) {
          const posted = await postForm(t.baseUrl, path, client, { role: 'admin' });
          assert.equal(posted.status, 403, path);
        }
      }
      assert.deepEqual(await rolesOf(t.userIds.applicant), []);
      assert.deepEqual(await rolesOf(t.userIds.admin), ['admin']);
      for (const path of ['/admin', '/admin/definitions/api-particulier']) {
        const anonymous = await getPage(t.baseUrl, path);
        assert.equal(anonymous.status, 303);
        assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent(path)}`);
      }
    });

    it('shows the admin home with its sections', async () => {
      const home = await getPage(t.baseUrl, '/admin', admin);
      assert.equal(home.status, 200);
      for (const href of ['/admin/utilisateurs', '/admin/definitions', '/admin/statistiques']) assert.ok(home.html.includes(`href="${href}"`), href);
      assert.ok(textOf(home.html).includes(`${testRegistry().definitions.size} chargées, aucune en erreur`));
    });
  });
}

describe('checkRole: the roles an admin may grant', () => {
  it('accepts the extra roles of a definition’s workflow or definition.yaml, and only on that provider’s definitions', () => {
    const real = testRegistry();
    const particulier = real.definitions.get('api-particulier')!;
    const withOpinion = { ...particulier, meta: { ...particulier.meta, roles: ['dpo'] }, workflow: { ...particulier.workflow, roles: ['opinion_giver'] } };
    const registry = { ...real, definitions: new Map([...real.definitions, ['api-particulier', withOpinion]]) };
    assert.deepEqual(checkRole('dinum:api-particulier:opinion_giver', registry), { role: 'dinum:api-particulier:opinion_giver' });
    assert.deepEqual(checkRole('dinum:api-particulier:dpo', registry), { role: 'dinum:api-particulier:dpo' });
    assert.deepEqual(checkRole('dinum:*:opinion_giver', registry), { role: 'dinum:*:opinion_giver' });
    assert.match((checkRole('dinum:api-entreprise:opinion_giver', registry) as { error: string }).error, /Le rôle « opinion_giver » n’existe pas pour l’habilitation api-entreprise/);
    assert.match((checkRole('dinum:api-particulier:opinion_giver', real) as { error: string }).error, /n’existe pas/);
    assert.ok(grantableRoles(registry).includes('dinum:api-particulier:opinion_giver'));
    assert.ok(grantableRoles(registry).includes('admin') && grantableRoles(registry).includes('dgfip:*:instructor'));
  });
});
