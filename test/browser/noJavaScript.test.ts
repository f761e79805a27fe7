import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { APPLICANT } from './helpers/applicantWalk.js';
import { launchBrowser, WatchedContext } from './helpers/browser.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';
import { expectText, heading, mainNav, textOf } from './helpers/pages.js';
import { shoot } from './helpers/screenshots.js';

// The pages that must work without JavaScript: sign-in, the catalogue's search, « Mes demandes », a request's page.
describe('browser: the pages work without JavaScript', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let platform: DemoPlatform | undefined;
  let watched: WatchedContext;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform();
    watched = await WatchedContext.open(browser, { javaScriptEnabled: false });
    page = await watched.newPage();
    await page.goto(`${platform.baseUrl}/connexion`);
    const row = page.getByRole('row').filter({ hasText: APPLICANT.email });
    await Promise.all([page.waitForURL((u) => u.pathname === '/demandes'), row.getByRole('button', { name: 'Se connecter' }).click()]);
  });
  after(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.close();
  });

  it('runs none of the page’s scripts (the DSFR’s never marks the document)', async () => {
    await page.goto(`${platform!.baseUrl}/catalogue`);
    // With scripts, the DSFR sets data-fr-js on <html> as it starts; the test's own evaluate runs apart.
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-fr-js')), false);
  });

  it('searches the catalogue with a plain form: results for « quotient »', async () => {
    await mainNav(page).getByRole('link', { name: 'Catalogue des habilitations' }).click();
    await page.getByLabel('Rechercher une API ou un service').fill('quotient');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === 'quotient'), page.getByRole('button', { name: 'Rechercher' }).click()]);
    const count = await expectText(page.locator('#contenu'), /(\d+) résultats? pour « quotient »/, 'search result count');
    const found = Number(/(\d+) résultats? pour/.exec(count)![1]);
    assert.ok(found >= 1, 'at least one result');
    assert.equal(await page.locator('#contenu .fr-card').count(), found, 'one card per result');
    await page.getByRole('link', { name: 'API Particulier', exact: true }).waitFor();
    await shoot(page, 'nojs-01-catalogue-quotient');
  });

  it('shows a request’s state on its page, reached from « Mes demandes »', async () => {
    await mainNav(page).getByRole('link', { name: 'Mes demandes' }).click();
    await expectText(heading(page), 'Mes demandes', 'dashboard heading');
    // The demo data's API Entreprise request was submitted: « Voir » leads to its page.
    const row = page.getByRole('row').filter({ hasText: 'API Entreprise' }).filter({ hasText: 'En cours d’instruction' });
    assert.equal(await row.count(), 1, 'the submitted API Entreprise request is listed');
    const id = (await textOf(row.locator('td strong').first())).trim();
    await Promise.all([page.waitForURL((u) => u.pathname === `/demandes/${id}`), row.getByRole('link', { name: 'Voir' }).click()]);
    await expectText(heading(page), `Demande ${id}`, 'request page heading');
    await expectText(page.locator('#contenu .fr-badge').first(), 'En cours d’instruction', 'the request state');
    await expectText(page.locator('#contenu'), 'Historique', 'the timeline');
    await shoot(page, 'nojs-02-demande');
  });

  it('says on a step page that the form needs JavaScript', async () => {
    await mainNav(page).getByRole('link', { name: 'Mes demandes' }).click();
    const draft = page.getByRole('row').filter({ hasText: 'Brouillon' }).first();
    await draft.getByRole('link', { name: 'Continuer' }).click();
    await page.waitForURL(/\/etapes\//);
    await page.getByRole('heading', { name: 'JavaScript est nécessaire pour remplir ce formulaire' }).waitFor();
    await shoot(page, 'nojs-03-step');
  });

  it('met no page error and no console error', () => watched.assertNoProblems());
});
