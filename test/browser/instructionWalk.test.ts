import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, WatchedContext } from './helpers/browser.js';
import { seriousViolations } from './helpers/axe.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';
import { expectText, heading, waitForHydration } from './helpers/pages.js';
import { shoot } from './helpers/screenshots.js';

const APPLICANT = 'camille.martin@clamart.fr';
const CLAMART_SIRET = '21920023500014';
const MANAGER = 'gaelle.moreau@dinum.gouv.fr';
const INSTRUCTOR = 'ines.laurent@dinum.gouv.fr';
const REPORTER = 'romain.petit@dinum.gouv.fr';
const OTHER_INSTRUCTOR = 'denis.roussel@dgfip.finances.gouv.fr';
const ADMIN = 'admin@datapass.gouv.fr';

/**
 * The instruction desk in Chromium, after an applicant's submission: a manager writes a template, the
 * instructor finds the request by SIRET and asks for changes with it, the applicant changes one answer and
 * resubmits, the instructor sees exactly that change and approves, the applicant sees the authorization.
 * A reporter reads without a button; another provider's instructor does not find it. axe-core on each page kind.
 */
describe('the instruction desk, walked in Chromium', function () {
  this.timeout(300_000);
  let browser: Browser;
  let platform: DemoPlatform;
  const contexts: WatchedContext[] = [];
  const violations: string[] = [];
  let requestId = '';

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await platform?.close();
  });

  /** A person signed in on the demo page, in a browser context of their own. */
  const signedIn = async (email: string): Promise<Page> => {
    const watched = await WatchedContext.open(browser);
    contexts.push(watched);
    const page = await watched.newPage();
    await page.goto(`${platform.baseUrl}/connexion`);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/connexion'), page.getByRole('row').filter({ hasText: email }).getByRole('button', { name: 'Se connecter' }).click()]);
    return page;
  };
  const check = async (page: Page, kind: string) => {
    await shoot(page, `instruction-${kind}`);
    for (const v of await seriousViolations(page)) violations.push(`${kind} (${page.url()}): ${v}`);
  };

  it('the applicant submits an API Particulier request (through the API of their session, the form is walked elsewhere)', async () => {
    const page = await signedIn(APPLICANT);
    const definition = platform.ctx.registry.definitions.get('api-particulier')!;
    const data = structuredClone(definition.examples.find((e) => e.name === 'valid-tarification-municipale-enfance')!.data);
    const csrf = ((await (await page.request.get(`${platform.baseUrl}/api/csrf`)).json()) as { token: string }).token;
    const headers = { 'x-csrf-token': csrf, accept: 'application/json' };
    const created = await (await page.request.post(`${platform.baseUrl}/api/requests`, { headers, data: { definitionId: 'api-particulier', useCaseId: 'tarification-municipale-enfance', data } })).json();
    requestId = created.request.id;
    const submitted = await page.request.post(`${platform.baseUrl}/api/requests/${requestId}/events/submit`, { headers, data: { version: created.request.version, data } });
    assert.equal(submitted.status(), 200, await submitted.text());
  });

  it('a manager writes a message template for « Demande de modifications »', async () => {
    const page = await signedIn(MANAGER);
    await page.goto(`${platform.baseUrl}/instruction`);
    await page.getByRole('link', { name: 'Modèles de messages' }).click();
    await expectText(heading(page), 'Modèles de messages', 'templates page');
    const form = page.locator('#nouveau-api-particulier');
    await form.getByLabel('Nom du modèle').fill('Durée de conservation');
    await form.getByLabel('Pour').selectOption('request_changes');
    await form.getByLabel('Texte').fill('Bonjour, la durée de conservation de la demande {{numero}} doit être justifiée : {{lien}}');
    await form.getByRole('button', { name: 'Ajouter le modèle' }).click();
    await expectText(page.locator('.fr-alert--success'), 'Modèles enregistrés', 'saved');
    await check(page, 'modeles');
    await page.goto(`${platform.baseUrl}/instruction/equipe`);
    await expectText(heading(page), 'Équipe d’instruction', 'team page');
    await check(page, 'equipe');
  });

  it('the instructor finds it by SIRET and asks for changes with the template', async () => {
    const page = await signedIn(INSTRUCTOR);
    await expectText(heading(page), 'Instruction des demandes', 'an instructor lands on the desk');
    await page.getByLabel(/Rechercher/).fill(CLAMART_SIRET);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await check(page, 'bureau');
    await page.getByRole('link', { name: requestId, exact: true }).click();
    await expectText(heading(page), `Demande ${requestId}`, 'review page');
    await check(page, 'revue');
    const form = page.locator(`form[action$="/evenements/request_changes"]`);
    await form.getByLabel('Modèle de message').selectOption({ label: 'Durée de conservation' });
    await form.getByRole('button', { name: 'Demander des modifications' }).click();
    await expectText(page.locator('.fr-alert--success'), 'Décision enregistrée', 'decided');
    await expectText(page.locator('.fr-badge').first(), 'Modifications demandées', 'state');
  });

  it('the applicant reads the reason, changes one answer and resubmits', async () => {
    const page = await signedIn(APPLICANT);
    await page.goto(`${platform.baseUrl}/demandes/${requestId}`);
    await expectText(page.locator('.fr-callout'), `la durée de conservation de la demande ${requestId} doit être justifiée`, 'the reason, from the template');
    await page.getByRole('link', { name: 'Continuer la demande' }).click();
    await waitForHydration(page);
    await page.goto(`${platform.baseUrl}/demandes/${requestId}/etapes/personal_data`);
    await waitForHydration(page);
    await page.getByLabel(/Durée de conservation/).first().fill('24');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expectText(page.locator('#statut-enregistrement'), /Enregistré à \d+ h \d+/, 'saved');
    await page.goto(`${platform.baseUrl}/demandes/${requestId}/recapitulatif`);
    for (const box of await page.locator('#formulaire-envoi input[type=checkbox]').all()) if (!(await box.isChecked())) await page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    await page.getByRole('button', { name: 'Soumettre la demande' }).click();
    await expectText(page.locator('.fr-alert--success'), 'Demande envoyée', 'resubmitted');
  });

  it('the instructor sees exactly what changed, and approves', async () => {
    const page = await signedIn(INSTRUCTOR);
    await page.goto(`${platform.baseUrl}/instruction/demandes/${requestId}`);
    const changes = page.locator('section[aria-labelledby="titre-changements"] tbody tr');
    assert.equal(await changes.count(), 1, 'one answer changed');
    await expectText(changes.first(), /conservation.*12.*24/s, 'the change, before and after');
    assert.equal(await page.locator('.datapass-summary__row--changed').count(), 1, 'exactly that answer is marked in the blocks');
    await check(page, 'revue-modifications');
    const preview = await page.getByRole('link', { name: 'HTML' }).getAttribute('href');
    assert.equal((await page.request.get(platform.baseUrl + preview!)).status(), 200, 'the convention previewed with the request data');
    await page.locator('form[action$="/evenements/approve"]').getByRole('button', { name: 'Valider' }).click();
    await expectText(page.locator('.fr-badge').first(), 'Validée', 'approved');
  });

  it('the applicant sees the authorization, downloads its convention and verifies it', async () => {
    const page = await signedIn(APPLICANT);
    await page.goto(`${platform.baseUrl}/demandes/${requestId}`);
    await expectText(page.locator('#titre-habilitations + ul'), /Habilitation H\d+/, 'the authorization');
    await expectText(page.locator('.fr-badge').first(), 'Validée', 'state');
    await check(page, 'demande-validee');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Télécharger la convention/ }).click()]);
    assert.match(download.suggestedFilename(), /^convention-H\d+\.pdf$/);
    const pdf = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p)));
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // The print version, as a person reads it.
    const printable = await page.getByRole('link', { name: /Version à imprimer/ }).getAttribute('href');
    const convention = await page.context().newPage();
    await convention.goto(platform.baseUrl + printable!);
    await expectText(convention.locator('h1'), /Convention/, 'the convention');
    await shoot(convention, 'instruction-convention-html');
    await convention.close();
    // Anyone checks the file on the verification page: the browser hashes it, the platform answers.
    await page.goto(`${platform.baseUrl}/conventions/verifier`);
    await page.locator('#fichier').setInputFiles({ name: 'convention.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expectText(page.locator('#resultat'), /Convention authentique.*Habilitation H\d+|Convention authentique/s, 'verified as genuine');
    await check(page, 'verifier-convention');
    await contexts[contexts.length - 1]!.expecting(/404/, async () => {
      await page.locator('#fichier').setInputFiles({ name: 'modifiee.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.from('\n')]) });
      await expectText(page.locator('#resultat'), 'Document inconnu', 'a modified file is not genuine');
    });
  });

  it('a reporter of the definition reads it, with no action button', async () => {
    const page = await signedIn(REPORTER);
    await page.goto(`${platform.baseUrl}/instruction?q=${CLAMART_SIRET}`);
    await page.getByRole('link', { name: requestId, exact: true }).click();
    await expectText(heading(page), `Demande ${requestId}`, 'the reporter reads it');
    assert.equal(await page.locator('form[action*="/evenements/"]').count(), 0, 'no action');
    assert.equal(await page.getByRole('button', { name: /Valider|Refuser|Révoquer|Demander des modifications/ }).count(), 0);
    await check(page, 'revue-rapporteur');
  });

  it('an instructor of another provider does not find it, even by its number', async () => {
    const page = await signedIn(OTHER_INSTRUCTOR);
    for (const q of [CLAMART_SIRET, requestId]) {
      await page.goto(`${platform.baseUrl}/instruction?q=${q}`);
      assert.equal(await page.getByRole('link', { name: requestId, exact: true }).count(), 0, `found with ${q}`);
    }
    const direct = await contexts[contexts.length - 1]!.expecting(/404/, () => page.goto(`${platform.baseUrl}/instruction/demandes/${requestId}`));
    assert.equal(direct?.status(), 404);
  });

  it('the admin pages and the statistics render for an admin', async () => {
    const page = await signedIn(ADMIN);
    for (const [path, kind] of [['/admin', 'admin'], ['/admin/utilisateurs', 'admin-utilisateurs'], ['/admin/definitions', 'admin-definitions'], ['/admin/definitions/api-particulier', 'admin-definition'], ['/admin/statistiques', 'admin-statistiques'], ['/stats', 'statistiques-publiques']] as const) {
      const response = await page.goto(platform.baseUrl + path);
      assert.equal(response?.status(), 200, path);
      await check(page, kind);
    }
  });

  it('has no serious or critical axe-core violation and no browser error on any page kind of the desk', () => {
    assert.deepEqual(violations, []);
    const problems = contexts.flatMap((c) => c.problems);
    assert.deepEqual(problems, []);
  });
});
