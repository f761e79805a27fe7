import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ApplicantWalk } from './helpers/applicantWalk.js';
import { launchBrowser, WatchedContext } from './helpers/browser.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';
import { until } from './helpers/pages.js';
import { storedRequest } from './helpers/storedRequest.js';

// Typing, then leaving the step before the autosave (2.5 s) by Back, reload or a link: what was typed before
// leaving and what is typed after coming back must both reach the server. Each way is run several times, since
// a fix that only wins a race sometimes would pass once.
const RUNS = 3;

describe('browser: autosave keeps what was typed when the step is left before it saves', function () {
  this.timeout(600_000);
  let browser: Browser | undefined;
  let platform: DemoPlatform | undefined;
  let watched: WatchedContext | undefined;
  let page: Page;
  let walk: ApplicantWalk;

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform();
    watched = await WatchedContext.open(browser);
    page = await watched.newPage();
    const definition = platform.ctx.registry.definitions.get('france-connect')!;
    walk = new ApplicantWalk(page, watched, platform.baseUrl, {
      prefix: 'autosave',
      definition,
      useCaseId: 'libre',
      search: 'FranceConnect',
      data: {},
      emptyField: ['basic_infos', 'intitule'],
      meOn: ['contacts', 'responsable_traitement'],
      saveAt: 'basic_infos',
    });
    await walk.signIn();
  });
  after(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.close();
  });

  /** A new FranceConnect request, on its first step, hydrated. */
  async function newRequest(): Promise<void> {
    await page.goto(`${platform!.baseUrl}/catalogue/france-connect/libre`);
    await walk.start();
    await walk.atStep(0);
  }

  /** Types `value` in the field at `path` and waits until the server holds it, as the applicant would. */
  async function typeAndWaitSaved(path: string[], value: string): Promise<void> {
    await walk.field(path).fill(value);
    await expectStored(path, value);
  }

  async function expectStored(path: string[], value: string): Promise<void> {
    await until(async () => (await storedRequest(page, walk.requestId)).valueAt(path) === value, `the server stores « ${value} » at /${path.join('/')}`);
  }

  for (let run = 1; run <= RUNS; run++) {
    it(`Back to the previous step before the autosave, then typing there (run ${run})`, async () => {
      await newRequest();
      await walk.field(['basic_infos', 'intitule']).fill(`Projet retour ${run}`);
      await walk.field(['basic_infos', 'description']).fill('Une description assez longue pour passer.');
      await walk.next();
      await walk.atStep(1);
      await walk.field(['legal', 'cadre_juridique_nature']).fill(`Délibération avant retour ${run}`);
      await page.goBack();
      await walk.atStep(0);
      await typeAndWaitSaved(['basic_infos', 'volumetrie_approximative'], `Après retour ${run}`);
      await expectStored(['legal', 'cadre_juridique_nature'], `Délibération avant retour ${run}`);
      await expectStored(['basic_infos', 'intitule'], `Projet retour ${run}`);
    });

    it(`reload before the autosave, then typing again (run ${run})`, async () => {
      await newRequest();
      await walk.field(['basic_infos', 'intitule']).fill(`Projet rechargé ${run}`);
      await page.reload();
      await walk.atStep(0);
      await until(async () => (await walk.field(['basic_infos', 'intitule']).inputValue()) === `Projet rechargé ${run}`, 'the reloaded step shows what was typed before');
      await typeAndWaitSaved(['basic_infos', 'description'], `Description tapée après rechargement ${run}`);
      await expectStored(['basic_infos', 'intitule'], `Projet rechargé ${run}`);
    });

    it(`« Précédent » followed before the autosave, typing there, then Back and typing again (run ${run})`, async () => {
      await newRequest();
      await walk.field(['basic_infos', 'intitule']).fill(`Projet lien ${run}`);
      await walk.field(['basic_infos', 'description']).fill('Une description assez longue pour passer.');
      await walk.next();
      await walk.atStep(1);
      await walk.field(['legal', 'cadre_juridique_nature']).fill(`Délibération avant le lien ${run}`);
      await page.getByRole('link', { name: 'Précédent' }).click();
      await walk.atStep(0);
      await typeAndWaitSaved(['basic_infos', 'volumetrie_approximative'], `Après le lien ${run}`);
      await page.goBack();
      await walk.atStep(1);
      await until(async () => (await walk.field(['legal', 'cadre_juridique_nature']).inputValue()) === `Délibération avant le lien ${run}`, 'the step shows what was typed before the link');
      await typeAndWaitSaved(['legal', 'cadre_juridique_url'], `https://exemple.fr/deliberation-${run}`);
      await expectStored(['legal', 'cadre_juridique_nature'], `Délibération avant le lien ${run}`);
      await expectStored(['basic_infos', 'volumetrie_approximative'], `Après le lien ${run}`);
    });
  }

  for (let run = 1; run <= RUNS; run++) {
    it(`a link followed while the autosave is on its way: the page saves after it, then goes (run ${run})`, async () => {
      await newRequest();
      await walk.field(['basic_infos', 'intitule']).fill(`Projet lien pendant l’enregistrement ${run}`);
      await walk.field(['basic_infos', 'description']).fill('Une description assez longue pour passer.');
      await walk.next();
      await walk.atStep(1);
      // The autosave's request is held until the link is clicked, so the click meets it on its way; the
      // network then answers the saves in the order they were sent, as one connection would.
      let release!: () => void;
      const clicked = new Promise<void>((resolve) => (release = resolve));
      let previous = Promise.resolve();
      let sent = 0;
      const url = `${platform!.baseUrl}/api/requests/${walk.requestId}`;
      await page.route(url, async (route) => {
        if (route.request().method() !== 'PATCH') return route.continue();
        const turn = previous;
        let done!: () => void;
        previous = new Promise((resolve) => (done = resolve));
        if (++sent === 1) await clicked;
        await turn;
        await route.fulfill({ response: await route.fetch() }).catch(() => undefined);
        done();
      });
      await walk.field(['legal', 'cadre_juridique_nature']).fill(`Délibération du conseil ${run}`);
      await until(async () => sent === 1, 'the autosave is sent');
      await walk.field(['legal', 'cadre_juridique_url']).fill(`https://exemple.fr/deliberation-${run}`);
      await page.getByRole('link', { name: 'Précédent' }).click();
      release();
      await walk.atStep(0);
      await page.unroute(url);
      await expectStored(['legal', 'cadre_juridique_nature'], `Délibération du conseil ${run}`);
      await expectStored(['legal', 'cadre_juridique_url'], `https://exemple.fr/deliberation-${run}`);
    });
  }

  for (let run = 1; run <= RUNS; run++) {
    it(`the save sent while leaving lands, at the right version, when the applicant never comes back (run ${run})`, async () => {
      await newRequest();
      const before = await storedRequest(page, walk.requestId);
      await walk.field(['basic_infos', 'intitule']).fill(`Projet quitté ${run}`);
      await page.goBack();
      await page.waitForURL((u) => !u.pathname.includes('/etapes/'));
      await expectStored(['basic_infos', 'intitule'], `Projet quitté ${run}`);
      assert.equal((await storedRequest(page, walk.requestId)).version, before.version + 1, 'one save, accepted at the version the page had');
    });
  }

  it('met no page error and no console error but the 409s a reconciled save may meet', () => {
    // A save racing the keepalive flush of the page left may be refused (409) and is then merged and sent again.
    const problems = watched!.problems.filter((p) => !/status of 409/.test(p.text));
    assert.deepEqual(problems, []);
  });
});
