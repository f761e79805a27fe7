import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ApplicantWalk } from './helpers/applicantWalk.js';
import { seriousViolations } from './helpers/axe.js';
import { launchBrowser, WatchedContext } from './helpers/browser.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';
import { stepForm, tick } from './helpers/fillStep.js';
import { expectText, textOf, until } from './helpers/pages.js';
import { shoot } from './helpers/screenshots.js';
import { storedRequest } from './helpers/storedRequest.js';

// « Suivant » on step 3 of API Particulier while step 1 is incomplete: the server refuses (422) because of step 1
// (and 2), whose fields this page does not show. The refusal must say so, link to those steps, and the stepper must
// not draw them done.
describe('browser: « Suivant » refused because of earlier steps says which, and links to them', function () {
  this.timeout(300_000);
  let browser: Browser | undefined;
  let platform: DemoPlatform | undefined;
  let watched: WatchedContext | undefined;
  let page: Page;
  let walk: ApplicantWalk;
  const violations: string[] = [];

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform();
    watched = await WatchedContext.open(browser);
    page = await watched.newPage();
    const definition = platform.ctx.registry.definitions.get('api-particulier')!;
    walk = new ApplicantWalk(page, watched, platform.baseUrl, {
      prefix: 'suivant-etapes',
      definition,
      useCaseId: 'libre',
      search: 'API Particulier',
      data: {},
      emptyField: ['basic_infos', 'description'],
      meOn: ['contacts', 'contact_metier'],
      saveAt: 'basic_infos',
    });
    await walk.signIn();
    await page.goto(`${platform.baseUrl}/catalogue/api-particulier/libre`);
    await walk.start();
    await walk.atStep(0);
  });
  after(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.close();
  });

  /** The stepper's segments, each with the state it tells screen readers. */
  const stepper = () => page.getByRole('list', { name: 'Avancement de la demande' }).getByRole('listitem');

  it('step 1 with only its name, step 3 filled: « Suivant » shows the errors of steps 1 and 2 with links to them', async () => {
    await walk.field(['basic_infos', 'intitule']).fill('Tarification de la cantine');
    await walk.save();
    await page.goto(`${platform!.baseUrl}/demandes/${walk.requestId}/etapes/modalities`);
    await walk.atStep(2);
    await tick(stepForm(page).getByRole('checkbox', { name: /^Appel avec les paramètres de l'usager/ }));
    await walk.refusedNext();
    const alert = page.locator('#erreurs-autres-etapes');
    await expectText(alert, 'Des étapes précédentes sont incomplètes', 'the alert about earlier steps');
    const toFirst = alert.getByRole('link', { name: 'Étape 1 : Votre projet' });
    assert.equal(await toFirst.count(), 1, `the alert links to step 1 by its title: « ${await textOf(alert)} »`);
    assert.equal(new URL(await toFirst.getAttribute('href') ?? '', page.url()).pathname, `/demandes/${walk.requestId}/etapes/basic_infos`);
    assert.equal(await alert.getByRole('link', { name: 'Étape 2 : Cadre juridique' }).count(), 1, 'the alert links to step 2 too');
    await expectText(alert, /Description du projet|obligatoire/, 'the alert says what is missing in step 1');
    await until(() => alert.evaluate((el) => el === document.activeElement), 'the alert takes the focus');
    await until(async () => JSON.stringify((await storedRequest(page, walk.requestId)).valueAt(['modalities', 'modalities'])) === '["params"]', 'what was typed on step 3 is saved though « Suivant » was refused');
    await shoot(page, 'suivant-etapes-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await shoot(page, 'suivant-etapes-375');
    violations.push(...(await seriousViolations(page)));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the stepper draws neither step 1 nor step 2 done, and says so to screen readers', async () => {
    const segments = stepper();
    assert.equal(await segments.count(), 6);
    const states = await segments.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-state')}: ${li.textContent?.trim()}`));
    assert.deepEqual(states.slice(0, 3), ['todo: Étape 1 : Votre projet, à compléter', 'todo: Étape 2 : Cadre juridique, à compléter', "current: Étape 3 : Modalités d'appel, en cours"]);
    const colour = (i: number) => segments.nth(i).evaluate((li) => getComputedStyle(li).backgroundColor);
    assert.notEqual(await colour(0), await colour(2), 'step 1 is not drawn like the current step');
    assert.equal(await colour(0), await colour(5), 'step 1 is drawn like a step not reached');
  });

  it('the link to step 1 opens it with its missing field marked, and once complete the stepper draws it done', async () => {
    await page.locator('#erreurs-autres-etapes').getByRole('link', { name: 'Étape 1 : Votre projet' }).click();
    await walk.atStep(0);
    await walk.expectFieldError(['basic_infos', 'description']);
    await walk.field(['basic_infos', 'description']).fill('Calculer le tarif de la cantine selon le quotient familial.');
    await walk.next();
    await walk.atStep(1);
    assert.equal(await stepper().first().getAttribute('data-state'), 'done', 'step 1, now valid, is drawn done');
  });

  it('met no page error, no console error but the refused « Suivant », no serious axe-core violation', () => {
    watched!.assertNoProblems();
    assert.deepEqual(violations, []);
  });
});
