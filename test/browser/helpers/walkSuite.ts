import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Definition } from '../../../engine/index.js';
import { ApplicantWalk, type WalkPlan } from './applicantWalk.js';
import { launchBrowser, WatchedContext } from './browser.js';
import { startDemoPlatform, type DemoPlatform } from './demoPlatform.js';
import { shoot } from './screenshots.js';

export interface WalkSuiteOptions {
  /** The definitions the platform loads (the repository's by default). */
  definitionsDir?: () => string;
  /** The plan, once the platform has loaded its definitions. */
  plan: (definition: (id: string) => Definition) => WalkPlan;
  /** Extra checks once signed in (the organisation page…), given the walk. */
  afterSignIn?: (walk: ApplicantWalk, platform: DemoPlatform) => Promise<void>;
}

/**
 * The tests of one applicant walk, in order, sharing one browser page: each test goes on from where the last
 * one left, so when one fails the following ones are skipped (they could only fail for the same reason); the
 * last two always run and report the browser's errors and axe-core's findings over everything visited.
 */
export function walkSuite(options: WalkSuiteOptions): void {
  let browser: Browser | undefined;
  let platform: DemoPlatform | undefined;
  let watched: WatchedContext;
  let page: Page;
  let walk: ApplicantWalk;
  let broken: string | undefined;

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform(options.definitionsDir?.());
    const registry = platform.ctx.registry;
    const plan = options.plan((id) => {
      const d = registry.definitions.get(id);
      assert.ok(d, `definition ${id} is not loaded`);
      return d;
    });
    watched = await WatchedContext.open(browser);
    page = await watched.newPage();
    walk = new ApplicantWalk(page, watched, platform.baseUrl, plan);
  });
  after(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || broken) return;
    broken = this.currentTest.title;
    // The page as the failure left it, beside the walk's other screenshots.
    if (page && !page.isClosed()) await shoot(page, `${walk.plan.prefix}-echec`).catch(() => undefined);
  });
  const step = (title: string, run: () => Promise<void>) =>
    it(title, async function () {
      if (broken) {
        console.log(`      (skipped: an earlier test failed: « ${broken} »)`);
        this.skip();
      }
      await run();
    });

  step('signs in as Camille Martin from the demo accounts of /connexion', async () => {
    await walk.signIn();
    if (options.afterSignIn) await options.afterSignIn(walk, platform!);
  });
  step('finds the use case through a catalogue search and reads the intro page (steps, estimated delay)', () => walk.findUseCase());
  step('starts the request: « Commencer ma demande » opens step 1 of the stepper', async () => {
    await walk.start();
    await walk.atStep(0);
  });
  step('refuses « Suivant » with a required field empty: French message beside the field and in the summary, linked', async () => {
    await walk.visit(`step-${walk.model.steps[0]!.id}`);
    await walk.refusedWithEmptyField();
    await walk.visit('errors');
  });
  step('fills every field from the example, with « C’est moi » and a PDF where the form takes one, then « Enregistrer » says « Enregistré à … h … »', async () => {
    const saveIndex = walk.model.steps.findIndex((s) => s.id === walk.plan.saveAt);
    assert.ok(saveIndex >= 0, `no step ${walk.plan.saveAt}`);
    // Step 1 was visited (and screenshot) with its error: fill it, then the following steps up to the save.
    await walk.fill(walk.model.steps[0]!.id);
    if (saveIndex > 0) {
      await walk.next();
      await walk.walkTo(saveIndex, 1);
    }
    await walk.save();
  });
  step('keeps what was typed: « Mes demandes », « Continuer », every field as it was left', async () => {
    const saveIndex = walk.model.steps.findIndex((s) => s.id === walk.plan.saveAt);
    await walk.leaveAndContinue();
    await walk.checkKept(saveIndex);
    const last = walk.model.steps.length - 1;
    if (saveIndex < last) {
      await walk.walkTo(last, saveIndex + 1);
      await walk.next();
    }
  });
  step('submits from « Récapitulatif de votre demande »: « Demande envoyée », state « En cours d’instruction »', () => walk.submit());

  it('met no page error and no console error (hydration included) on any page', function () {
    if (!watched) this.skip();
    watched.assertNoProblems();
  });
  it('has no serious or critical axe-core violation on any page kind visited', function () {
    if (!walk) this.skip();
    assert.equal(walk.violations.length, 0, `axe-core found:\n${walk.violations.join('\n')}`);
  });
}
