import assert from 'node:assert/strict';
import { organizationsOf } from '../../server/db/repositories/organizations.js';
import { findUserIdByEmail } from '../../server/db/repositories/users.js';
import { APPLICANT } from './helpers/applicantWalk.js';
import { expectText, heading } from './helpers/pages.js';
import { walkSuite } from './helpers/walkSuite.js';

// Walk 1: API Particulier, « Tarification municipale enfance », from the catalogue to the submitted request.
describe('browser: an applicant walks API Particulier « Tarification municipale enfance » to submission', function () {
  this.timeout(180_000);
  walkSuite({
    plan: (definition) => {
      const d = definition('api-particulier');
      return {
        prefix: 'particulier',
        definition: d,
        useCaseId: 'tarification-municipale-enfance',
        search: 'quotient',
        data: d.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data as Record<string, unknown>,
        emptyField: ['basic_infos', 'description'],
        upload: ['legal', 'cadre_juridique_document'],
        meOn: ['contacts', 'contact_metier'],
        saveAt: 'legal',
      };
    },
    // The header's organisation button leads to /organisation, where the applicant keeps acting for Clamart.
    afterSignIn: async (walk, platform) => {
      const { page } = walk;
      const userId = (await findUserIdByEmail(platform.ctx.db, APPLICANT.email))!;
      const organizations = await organizationsOf(platform.ctx.db, userId);
      assert.equal(organizations.length, 2, 'Camille Martin is an applicant of two communes');
      const current = organizations[0]!;
      await page.getByRole('banner').getByRole('link', { name: current.name, exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/organisation');
      await expectText(heading(page), 'Pour quelle organisation agissez-vous ?', 'organisation page heading');
      for (const o of organizations) await page.getByRole('radio', { name: new RegExp(`^${o.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
      assert.equal(await page.getByRole('radio', { name: new RegExp(`SIRET ${current.siret}`) }).isChecked(), true, 'the current organisation is chosen');
      await walk.visit('organisation');
      await Promise.all([page.waitForURL((u) => u.pathname === '/demandes'), page.getByRole('button', { name: 'Agir pour cette organisation' }).click()]);
      await expectText(page.getByRole('banner'), current.name, 'still acting for the same commune');
    },
  });
});
