import assert from 'node:assert/strict';
import type { Request } from 'express';
import { oidcLoginHooks } from '../../server/auth/oidcLogin.js';
import { OidcLoginRefusedError, type OidcClaims } from '../../server/auth/oidc/index.js';
import { findOrganizationBySiret, organizationsOf } from '../../server/db/repositories/organizations.js';
import { findUser } from '../../server/db/repositories/users.js';
import { createOfflineDirectory, DEMO_SIRETS, type EstablishmentDirectory } from '../../server/organizations/index.js';
import { databaseChoices } from './helpers/databases.js';
import { startTestApp, type TestApp } from './helpers/testApp.js';

const context = { idTokenClaims: {}, userInfo: {}, req: {} as Request } as never;

for (const choice of databaseChoices()) {
  describe(`signing in with ProConnect claims (${choice.name})`, function () {
    this.timeout(60_000);
    let t: TestApp;
    before(async function () {
      t = await startTestApp(await choice.start(this));
    });
    after(async () => t?.close());

    const claims = (over: Partial<OidcClaims> = {}): OidcClaims => ({ sub: 'pc-sub-1', email: 'jeanne.durand@clamart.fr', given_name: 'Jeanne', usual_name: 'Durand', siret: DEMO_SIRETS.communeA, phone_number: '0102030405', ...over });

    it('creates the user and the organisation of the siret claim from Sirene, and makes it the one they act for', async () => {
      const hooks = oidcLoginHooks(t.ctx, createOfflineDirectory());
      const first = await hooks.onLogin(claims(), context);
      const organization = await findOrganizationBySiret(t.db, DEMO_SIRETS.communeA);
      assert.ok(organization);
      assert.match(organization.name, /CLAMART/i);
      assert.equal(first.organizationId, String(organization.id));
      const user = await findUser(t.db, Number(first.userId));
      assert.equal(user?.familyName, 'Durand');
      assert.deepEqual((await organizationsOf(t.db, Number(first.userId))).map((o) => o.siret), [DEMO_SIRETS.communeA]);
      // The same person again, with a new name and another organisation: same account, both memberships.
      const again = await hooks.onLogin(claims({ usual_name: 'Durand-Petit', siret: DEMO_SIRETS.communeB }), context);
      assert.equal(again.userId, first.userId);
      assert.equal((await findUser(t.db, Number(first.userId)))?.familyName, 'Durand-Petit');
      assert.equal((await organizationsOf(t.db, Number(first.userId))).length, 2);
    });

    it('refuses an account without e-mail, and an e-mail already linked to another subject', async () => {
      const hooks = oidcLoginHooks(t.ctx, createOfflineDirectory());
      await assert.rejects(Promise.resolve(hooks.onLogin(claims({ sub: 'pc-sub-2', email: undefined }), context)), OidcLoginRefusedError);
      await assert.rejects(Promise.resolve(hooks.onLogin(claims({ sub: 'pc-sub-other' }), context)), (error: unknown) => error instanceof OidcLoginRefusedError && /déjà liée/.test(error.detail));
    });

    it('links a seeded account by e-mail on its first sign-in', async () => {
      const hooks = oidcLoginHooks(t.ctx, createOfflineDirectory());
      const seeded = await hooks.onLogin(claims({ sub: 'pc-sub-seeded', email: 'ines.instructrice@dinum.gouv.fr', siret: undefined }), context);
      assert.equal(Number(seeded.userId), t.userIds.instructor);
      assert.equal(seeded.organizationId, undefined);
    });

    it('signs in with the stored organisation when Sirene is unreachable', async () => {
      const down: EstablishmentDirectory = { lookup: async () => ({ kind: 'unavailable', reason: 'timeout after 5000 ms' }) };
      const result = await oidcLoginHooks(t.ctx, down).onLogin(claims(), context);
      assert.equal(result.organizationId, String((await findOrganizationBySiret(t.db, DEMO_SIRETS.communeA))!.id));
      const unknown = await oidcLoginHooks(t.ctx, down).onLogin(claims({ sub: 'pc-sub-3', email: 'x@poitiers.fr', siret: DEMO_SIRETS.communeC }), context);
      assert.equal(unknown.organizationId, undefined, 'an organisation never seen cannot be created without Sirene');
    });
  });
}
