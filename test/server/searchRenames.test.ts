import assert from 'node:assert/strict';
import { upsertOrganization } from '../../server/db/repositories/organizations.js';
import { upsertOidcUser } from '../../server/db/repositories/users.js';
import { databaseChoices } from './helpers/databases.js';
import { ORGANIZATIONS, PEOPLE, startTestApp, testRegistry, type TestApp } from './helpers/testApp.js';

for (const choice of databaseChoices()) {
  describe(`the instruction search follows renames from Sirene and ProConnect (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    before(async function () {
      t = await startTestApp(await choice.start(this));
    });
    after(async () => t?.close());

    it('finds a request under its organisation’s new name and its applicant’s new e-mail, not the old ones', async () => {
      const applicant = await t.client('applicant');
      const data = structuredClone(testRegistry().definitions.get('api-particulier')!.examples.find((e) => e.name === 'valid-libre-params')!.data);
      const created = await applicant.post('/api/requests', { definitionId: 'api-particulier', useCaseId: 'libre', data });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.request.id;
      const admin = await t.client('admin');
      const found = async (q: string) => ((await admin.get(`/api/requests?scope=instruction&q=${encodeURIComponent(q)}`)).body.requests as { id: string }[]).some((r) => r.id === id);
      assert.ok(await found('Commune A'));

      await upsertOrganization(t.db, { siret: ORGANIZATIONS.communeA.siret, name: 'Ville nouvelle de Quimperlé', closed: false, inseePayload: {} }, t.clock.now());
      assert.ok(await found('quimperle'), 'the new name');
      await upsertOrganization(t.db, { siret: ORGANIZATIONS.communeA.siret, name: 'Bourg de Kerlouan', closed: false, inseePayload: {} }, t.clock.now());
      assert.ok(await found('kerlouan'), 'the newer name');
      assert.ok(!(await found('quimperle')), 'not the former one');

      await t.db('users').where({ id: t.userIds.applicant }).update({ oidc_sub: 'sub-applicant' });
      await upsertOidcUser(t.db, { oidcSub: 'sub-applicant', email: 'camille.renommee@commune-a.fr', givenName: PEOPLE.applicant.givenName, familyName: PEOPLE.applicant.familyName }, t.clock.now());
      assert.ok(await found('renommee'), 'the new e-mail');
      await upsertOidcUser(t.db, { oidcSub: 'sub-applicant', email: 'camille.mutee@commune-a.fr', givenName: PEOPLE.applicant.givenName, familyName: PEOPLE.applicant.familyName }, t.clock.now());
      assert.ok(await found('mutee'), 'the newer e-mail');
      assert.ok(!(await found('renommee')), 'not the former one');
    });
  });
}
