import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ApplicantWalk } from './helpers/applicantWalk.js';
import { seriousViolations } from './helpers/axe.js';
import { launchBrowser, WatchedContext } from './helpers/browser.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';
import { expectText, textOf, until } from './helpers/pages.js';
import { saveElsewhere } from './helpers/saveElsewhere.js';
import { shoot } from './helpers/screenshots.js';
import { storedRequest } from './helpers/storedRequest.js';

// The request changed elsewhere (another tab) while the applicant typed: the autosave is refused 409. Changes to
// other fields are merged and saved; a field changed on both sides is shown with both values for the applicant
// to choose, and nothing typed is dropped.
describe('browser: an autosave refused because the request changed elsewhere merges, or asks', function () {
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
    const definition = platform.ctx.registry.definitions.get('france-connect')!;
    walk = new ApplicantWalk(page, watched, platform.baseUrl, {
      prefix: 'conflit',
      definition,
      useCaseId: 'libre',
      search: 'FranceConnect',
      data: {},
      emptyField: ['basic_infos', 'intitule'],
      meOn: ['contacts', 'responsable_traitement'],
      saveAt: 'basic_infos',
    });
    await walk.signIn();
    await page.goto(`${platform.baseUrl}/catalogue/france-connect/libre`);
    await walk.start();
    await walk.atStep(0);
  });
  after(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.close();
  });

  const stored = async (path: string[]) => (await storedRequest(page, walk.requestId)).valueAt(path);
  const infos = (data: Record<string, unknown>) => (data.basic_infos ??= {}) as Record<string, unknown>;
  const conflict = () => page.locator('section[aria-labelledby="conflit-titre"]');

  it('another field changed elsewhere: the autosave merges it in, saves both, and the page shows it', async () => {
    await walk.field(['basic_infos', 'intitule']).fill('Portail famille');
    await until(async () => (await stored(['basic_infos', 'intitule'])) === 'Portail famille', 'the first autosave');
    await saveElsewhere(page, walk.requestId, (data) => void (infos(data).description = 'Décrite dans un autre onglet, assez longuement.'));
    await walk.watched.expecting(/status of 409/, async () => {
      await walk.field(['basic_infos', 'volumetrie_approximative']).fill('1 000 appels par jour');
      await until(async () => (await stored(['basic_infos', 'volumetrie_approximative'])) === '1 000 appels par jour', 'the typing is saved after the 409');
    });
    assert.equal(await stored(['basic_infos', 'description']), 'Décrite dans un autre onglet, assez longuement.', 'the other tab’s change is kept');
    assert.equal(await stored(['basic_infos', 'intitule']), 'Portail famille');
    await until(async () => (await walk.field(['basic_infos', 'description']).inputValue()) === 'Décrite dans un autre onglet, assez longuement.', 'the page shows the other tab’s change');
    assert.equal(await conflict().count(), 0, 'no choice to make');
    await expectText(page.locator('#statut-enregistrement'), /^Enregistré à/, 'the save status');
  });

  it('the same field changed on both sides: both values shown, nothing saved until the applicant chooses', async () => {
    await saveElsewhere(page, walk.requestId, (data) => void (infos(data).intitule = 'Titre de l’autre onglet'));
    await walk.watched.expecting(/status of 409/, async () => {
      await walk.field(['basic_infos', 'intitule']).fill('Mon titre tapé ici');
      await conflict().waitFor();
    });
    await expectText(conflict().getByRole('heading', { level: 2 }), 'Votre demande a été modifiée ailleurs pendant votre saisie', 'the alert');
    await until(() => page.locator('#conflit-titre').evaluate((el) => el === document.activeElement), 'the alert takes the focus');
    const field = conflict().getByRole('group', { name: 'Votre projet – Nom du projet' });
    assert.equal(await field.count(), 1, `the field is named by its step and label: « ${await textOf(conflict())} »`);
    await expectText(field.locator('label', { hasText: 'Votre saisie' }), 'Mon titre tapé ici', 'the value typed here');
    await expectText(field.locator('label', { hasText: 'Version enregistrée' }), 'Titre de l’autre onglet', 'the value saved elsewhere');
    await expectText(page.locator('#statut-enregistrement'), 'Non enregistré : choisissez', 'the save status');
    assert.equal(await stored(['basic_infos', 'intitule']), 'Titre de l’autre onglet', 'nothing is decided for the applicant');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await until(() => page.locator('#conflit-titre').evaluate((el) => el === document.activeElement), '« Suivant » meanwhile points at the choice to make');
    assert.match(page.url(), /\/etapes\/basic_infos$/, 'and stays on the step');
    await conflict().getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expectText(field, 'Choisissez la version à garder.', 'a choice is required');
    await shoot(page, 'conflit-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await shoot(page, 'conflit-375');
    violations.push(...(await seriousViolations(page)));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('« Votre saisie » chosen: saved, the alert gone', async () => {
    await conflict().getByRole('group', { name: 'Votre projet – Nom du projet' }).getByText('Votre saisie').click();
    await conflict().getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await until(async () => (await stored(['basic_infos', 'intitule'])) === 'Mon titre tapé ici', 'the chosen value is saved');
    assert.equal(await conflict().count(), 0);
    assert.equal(await stored(['basic_infos', 'volumetrie_approximative']), '1 000 appels par jour', 'the rest is kept');
  });

  it('« Version enregistrée » chosen: the page takes the saved value', async () => {
    await saveElsewhere(page, walk.requestId, (data) => void (infos(data).volumetrie_approximative = '5 000 appels par jour'));
    await walk.watched.expecting(/status of 409/, async () => {
      await walk.field(['basic_infos', 'volumetrie_approximative']).fill('2 000 appels par jour');
      await conflict().waitFor();
    });
    await conflict().getByRole('group', { name: 'Votre projet – Volumétrie approximative' }).getByText('Version enregistrée').click();
    await conflict().getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await conflict().waitFor({ state: 'detached' });
    await until(async () => (await walk.field(['basic_infos', 'volumetrie_approximative']).inputValue()) === '5 000 appels par jour', 'the page shows the saved value');
    await expectText(page.locator('#statut-enregistrement'), /^Enregistré à/, 'the save status');
    assert.equal(await stored(['basic_infos', 'volumetrie_approximative']), '5 000 appels par jour');
    assert.equal(await stored(['basic_infos', 'intitule']), 'Mon titre tapé ici');
  });

  it('met no page error and no console error but the expected 409s, no serious axe-core violation on the choice', () => {
    watched!.assertNoProblems();
    assert.deepEqual(violations, []);
  });
});
