import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ApplicantWalk } from './helpers/applicantWalk.js';
import { launchBrowser, WatchedContext } from './helpers/browser.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';

// « Suivant » on a step nothing was typed in yet: each required field must say, beside it, that it is required.
describe('browser: « Suivant » on an untouched step names each missing field beside it', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let platform: DemoPlatform | undefined;
  let watched: WatchedContext | undefined;
  let walk: ApplicantWalk;

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform();
    watched = await WatchedContext.open(browser);
    const definition = platform.ctx.registry.definitions.get('france-connect')!;
    walk = new ApplicantWalk(await watched.newPage(), watched, platform.baseUrl, {
      prefix: 'etape-vide',
      definition,
      useCaseId: 'libre',
      search: 'FranceConnect',
      data: definition.examples.find((e) => e.name === 'valid-libre')!.data as Record<string, unknown>,
      emptyField: ['basic_infos', 'intitule'],
      meOn: ['contacts', 'responsable_traitement'],
      saveAt: 'basic_infos',
    });
    await walk.signIn();
    await walk.findUseCase();
    await walk.start();
    await walk.atStep(0);
  });
  after(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.close();
  });

  it('FranceConnect « Votre projet »: « Nom du projet » and « Description du projet » each show their error', async () => {
    await walk.refusedNext();
    await walk.visit('errors');
    const problems: string[] = [];
    for (const path of [['basic_infos', 'intitule'], ['basic_infos', 'description']]) {
      try {
        await walk.expectFieldError(path);
      } catch (error) {
        problems.push(`/${path.join('/')}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('met no page error and no console error, no serious axe-core violation', () => {
    watched!.assertNoProblems();
    assert.deepEqual(walk.violations, []);
  });
});
