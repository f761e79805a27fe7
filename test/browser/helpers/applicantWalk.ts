import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import { definitionTerms, type Definition } from '../../../engine/index.js';
import { seriousViolations } from './axe.js';
import type { WatchedContext } from './browser.js';
import { expectStep, fillStep, FormModel, stepForm, tick } from './fillStep.js';
import { expectText, heading, mainNav, minimalPdf, textOf, until, waitForHydration } from './pages.js';
import { shoot } from './screenshots.js';

/** The demo applicant: Camille Martin, applicant for two communes. */
export const APPLICANT = { email: 'camille.martin@clamart.fr', givenName: 'Camille', familyName: 'Martin', name: 'Camille Martin' };

/** What a walk through one use case does, from the catalogue to « Soumettre la demande ». */
export interface WalkPlan {
  /** First word of the screenshots' names: `particulier-03-step-basic_infos.png`. */
  prefix: string;
  definition: Definition;
  useCaseId: string;
  /** Typed in the catalogue's search box to find the definition. */
  search: string;
  /** The example's data, used to fill every field. */
  data: Record<string, unknown>;
  /** A required field of the first step, empty when the request starts: with the rest of the step typed, « Suivant » must be refused on it. */
  emptyField: string[];
  /** A document field where a PDF is uploaded, if the form has one. */
  upload?: string[] | undefined;
  /** The contact card where « C'est moi » is clicked. */
  meOn: string[];
  /** The step where « Enregistrer » is clicked before leaving through « Mes demandes ». */
  saveAt: string;
}

const PDF_NAME = 'deliberation-tarifs.pdf';

/** A copy of `data` without the value at `path`. */
function without(data: unknown, path: string[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  delete at[path[path.length - 1]!];
  return copy;
}

const isPatch = (id: string) => (r: Response) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/requests/${id}`;

/**
 * One applicant's walk in the browser, through clicks and typing only, with a screenshot and an axe-core run on
 * every page kind met. Axe's findings are collected (`violations`) so one page's defect does not hide the others'.
 */
export class ApplicantWalk {
  readonly model: FormModel;
  readonly violations: string[] = [];
  requestId = '';
  private shots = 0;

  constructor(readonly page: Page, readonly watched: WatchedContext, readonly baseUrl: string, readonly plan: WalkPlan) {
    this.model = new FormModel(plan.definition, plan.useCaseId);
  }

  get useCase() {
    const found = this.plan.definition.meta.use_cases.find((u) => u.id === this.plan.useCaseId);
    assert.ok(found, `no use case ${this.plan.useCaseId}`);
    return found;
  }

  /** Screenshot and axe-core on the page as it is, named after its kind. */
  async visit(kind: string): Promise<void> {
    this.shots++;
    await shoot(this.page, `${this.plan.prefix}-${String(this.shots).padStart(2, '0')}-${kind}`);
    for (const v of await seriousViolations(this.page)) this.violations.push(`${kind} (${new URL(this.page.url()).pathname}): ${v}`);
  }

  /** /connexion, then « Se connecter » on the applicant's row of the demo accounts. */
  async signIn(): Promise<void> {
    const { page } = this;
    await page.goto(`${this.baseUrl}/connexion`);
    await expectText(heading(page), 'Se connecter à DataPass', 'sign-in page heading');
    await this.visit('connexion');
    const row = page.getByRole('row').filter({ hasText: APPLICANT.email });
    await Promise.all([page.waitForURL((u) => u.pathname === '/demandes'), row.getByRole('button', { name: 'Se connecter' }).click()]);
    await expectText(heading(page), 'Mes demandes', 'after signing in');
    await expectText(page.getByRole('banner'), APPLICANT.name, 'the header names the signed-in user');
  }

  /** « Catalogue des habilitations », search, open the definition, choose the use case, read the intro page. */
  async findUseCase(): Promise<void> {
    const { page, plan } = this;
    const name = plan.definition.meta.name;
    await mainNav(page).getByRole('link', { name: 'Catalogue des habilitations' }).click();
    await expectText(heading(page), 'Catalogue des habilitations', 'catalogue heading');
    await page.getByLabel('Rechercher une API ou un service').fill(plan.search);
    await Promise.all([page.waitForURL((u) => u.pathname === '/catalogue' && u.searchParams.get('q') === plan.search), page.getByRole('button', { name: 'Rechercher' }).click()]);
    await expectText(page.locator('#contenu'), new RegExp(`\\d+ résultats? pour « ${plan.search} »`), 'search result count');
    await this.visit('catalogue');
    await Promise.all([page.waitForURL((u) => u.pathname === `/catalogue/${plan.definition.id}`), page.getByRole('link', { name, exact: true }).click()]);
    await expectText(heading(page), name, 'definition page heading');
    await expectText(page.locator('#contenu'), 'Choisissez votre cas d’usage', 'use case choice');
    await this.visit('cas-usage');
    await Promise.all([page.waitForURL((u) => u.pathname === `/catalogue/${plan.definition.id}/${plan.useCaseId}`), page.getByRole('link', { name: this.useCase.title, exact: true }).click()]);
    await expectText(heading(page), `Demande d’habilitation : ${name}`, 'intro page heading');
    const steps = this.model.steps;
    await expectText(page.locator('#contenu'), `Votre demande en ${steps.length} étapes`, 'intro page step count');
    const listed = await page.locator('#contenu h2:has-text("Votre demande en") + ol > li').allInnerTexts();
    assert.deepEqual(listed.map((t) => t.trim()), steps.map((s) => s.title), 'the intro page lists the steps of the use case');
    await expectText(page.locator('.fr-callout'), /Délai de traitement estimé/, 'estimated processing time');
    await expectText(page.locator('.fr-callout'), /Environ .+ entre l’envoi de la demande et la décision|le délai ne peut pas encore être estimé/, 'estimated processing time text');
    await this.visit('intro');
  }

  /** « Commencer ma demande »: the first step of a new request. */
  async start(): Promise<void> {
    const { page } = this;
    await Promise.all([page.waitForURL(/\/demandes\/D\d+\/etapes\//), page.getByRole('button', { name: 'Commencer ma demande' }).click()]);
    this.requestId = /\/demandes\/(D\d+)\//.exec(page.url())![1]!;
  }

  /** On step `index`: the URL, the stepper « Étape N sur M » and its title, and the form hydrated. */
  async atStep(index: number): Promise<void> {
    const { page } = this;
    const steps = this.model.steps;
    const step = steps[index]!;
    await page.waitForURL((u) => u.pathname === `/demandes/${this.requestId}/etapes/${step.id}`);
    await waitForHydration(page);
    const stepper = page.locator('.fr-stepper');
    await expectText(stepper.locator('.fr-stepper__state'), `Étape ${index + 1} sur ${steps.length}`, 'stepper state');
    await expectText(stepper.locator('.fr-stepper__title'), step.title, 'stepper title');
  }

  /** The field at `path` of the step's form (inside its card when it belongs to one). */
  field(path: string[]) {
    const form = stepForm(this.page);
    const scope = path.length > 2 ? this.model.group(form, path.slice(0, -1)) : form;
    return scope.getByLabel(this.model.label(path));
  }

  /**
   * « Suivant » with the step filled but the required `emptyField` left empty: refused (422), the page stays, the
   * French message is inside the field's error group and in the summary at the top, which links to the field.
   */
  async refusedWithEmptyField(): Promise<{ message: string; summary: string }> {
    const { page, plan } = this;
    const field = this.field(plan.emptyField);
    assert.equal(await field.inputValue(), '', `${plan.emptyField.join('/')} should be empty when the request starts`);
    // Everything else of the step is typed: the applicant forgot this one field.
    const [stepId, ...rest] = plan.emptyField;
    await fillStep(page, this.model, stepId!, without(plan.data[stepId!], rest));
    await this.refusedNext();
    const message = await this.expectFieldError(plan.emptyField);
    const summary = page.locator('#contenu .fr-alert--error').first();
    await until(() => summary.evaluate((el) => el === document.activeElement), 'the error summary takes the focus');
    return { message, summary: await textOf(summary) };
  }

  /** « Suivant », expected to be refused: the server answers 422 and the page stays, showing its error summary. */
  async refusedNext(): Promise<void> {
    const { page } = this;
    const before = page.url();
    const response = await this.watched.expecting(/status of 422/, async () => {
      const answer = page.waitForResponse(isPatch(this.requestId));
      await page.getByRole('button', { name: 'Suivant' }).click();
      const r = await answer;
      await page.locator('#contenu .fr-alert--error').first().waitFor();
      return r;
    });
    assert.equal(response.status(), 422, 'the server refuses the step');
    assert.equal(page.url(), before, 'the page stays on the step');
  }

  /**
   * The field at `path` shows a « … obligatoire » message in French inside its own error group
   * (`.fr-input-group--error`, `.fr-fieldset--error`…, element `.fr-error-text`), named by its aria-describedby,
   * and the error summary at the top links to it. Returns the message.
   */
  async expectFieldError(path: string[]): Promise<string> {
    const { page } = this;
    const field = this.field(path);
    const fieldId = await field.getAttribute('id');
    assert.ok(fieldId, 'the field has an id');
    const errorGroups = ['fr-input-group--error', 'fr-fieldset--error', 'fr-upload-group--error', 'fr-select-group--error'];
    const group = field.locator(`xpath=ancestor::*[${errorGroups.map((c) => `contains(concat(' ', normalize-space(@class), ' '), ' ${c} ')`).join(' or ')}][1]`);
    const summary = page.locator('#contenu .fr-alert--error').first();
    assert.equal(await group.count(), 1, `the field ${fieldId} is inside an error group (${errorGroups.join(', ')}); the error summary says « ${await textOf(summary)} »`);
    const errorText = group.locator('.fr-error-text').last();
    const message = await expectText(errorText, /obligatoire/, `error message inside the group of ${fieldId}`);
    assert.doesNotMatch(message, /must|required|should/i, 'the message is in French');
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `the field ${fieldId} is marked aria-invalid`);
    const errorId = await errorText.getAttribute('id');
    assert.ok(errorId && (await field.getAttribute('aria-describedby'))?.split(/\s+/).includes(errorId), `the field's aria-describedby names its error message (#${errorId})`);
    const link = summary.locator(`a[href="#${fieldId}"]`);
    assert.equal(await link.count(), 1, `the error summary links to #${fieldId}: ${await textOf(summary)}`);
    assert.match(await textOf(link), /obligatoire/, 'the summary link says what is wrong');
    return message;
  }

  /** Fill step `stepId` from the example, with the upload and « C'est moi » where the plan puts them. */
  async fill(stepId: string): Promise<void> {
    const { page, plan } = this;
    if (plan.meOn[0] === stepId) await this.itIsMe();
    await fillStep(page, this.model, stepId, plan.data[stepId]);
    if (plan.upload?.[0] === stepId) await this.uploadPdf();
  }

  /** « C'est moi » on the plan's card fills it with the applicant's name and e-mail. */
  async itIsMe(): Promise<void> {
    const card = this.model.group(stepForm(this.page), this.plan.meOn);
    await card.getByRole('button', { name: /^C'est moi/ }).click();
    const at = (key: string) => this.field([...this.plan.meOn, key]);
    await until(async () => (await at('family_name').inputValue()) === APPLICANT.familyName, '« C’est moi » fills the family name');
    assert.equal(await at('given_name').inputValue(), APPLICANT.givenName, '« C’est moi » fills the given name');
    assert.equal(await at('email').inputValue(), APPLICANT.email, '« C’est moi » fills the e-mail');
  }

  /** A small PDF chosen in the plan's document field: sent, then listed under the field. */
  async uploadPdf(): Promise<void> {
    const { page } = this;
    const input = this.field(this.plan.upload!);
    const sent = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/requests/${this.requestId}/documents`);
    await input.setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: minimalPdf() });
    const response = await sent;
    assert.ok(response.ok(), `the upload is accepted: ${response.status()} ${await response.text()}`);
    await this.documentListed();
  }

  async documentListed(): Promise<void> {
    const group = this.field(this.plan.upload!).locator(`xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fr-upload-group ')][1]`);
    await group.getByRole('link', { name: PDF_NAME }).waitFor();
  }

  /** The save status under the stepper: « Enregistré à 14 h 32 », « Modifications non enregistrées »… */
  status() {
    return textOf(this.page.locator('#statut-enregistrement'));
  }

  /** « Suivant »: saved and validated, then the next step (or the summary); a refusal fails with what the page says. */
  async next(): Promise<void> {
    const { page } = this;
    const from = page.url();
    const answer = page.waitForResponse(isPatch(this.requestId), { timeout: 15_000 }).catch(() => undefined);
    await page.getByRole('button', { name: 'Suivant' }).click();
    const response = await answer;
    if (response?.ok()) {
      await page.waitForURL((u) => u.href !== from);
      await page.waitForLoadState('load');
      return;
    }
    const summary = page.locator('#contenu .fr-alert--error');
    const shown = [`the save status says « ${await this.status()} »`];
    if (await summary.count()) shown.push(`the error summary says « ${await textOf(summary.first())} »`);
    throw new Error(`« Suivant » was refused on ${from} (${response ? `${response.status()} ${await response.text()}` : 'no request sent'}): ${shown.join('; ')}`);
  }

  /** « Enregistrer »: the status says « Enregistré à … h … ». */
  async save(): Promise<string> {
    const { page } = this;
    const answer = page.waitForResponse(isPatch(this.requestId), { timeout: 15_000 }).catch(() => undefined);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const status = await until(
      async () => {
        const text = await this.status();
        return /^Enregistré à \d{1,2} h \d{2}$/.test(text) || text.startsWith('Non enregistré') ? text : '';
      },
      'the save status after « Enregistrer »',
    );
    assert.match(status, /^Enregistré à \d{1,2} h \d{2}$/, `after « Enregistrer » on ${page.url()}, the save status says « ${status} »`);
    const response = await answer;
    assert.ok(response?.ok(), `« Enregistrer » sent the data and the server took it (${response ? response.status() : 'no request'})`);
    return status;
  }

  /** Leave through « Mes demandes », find the request, « Continuer »: back on its first step. */
  async leaveAndContinue(): Promise<void> {
    const { page } = this;
    await Promise.all([page.waitForURL((u) => u.pathname === '/demandes'), mainNav(page).getByRole('link', { name: 'Mes demandes' }).click()]);
    await expectText(heading(page), 'Mes demandes', 'dashboard heading');
    const row = page.getByRole('row').filter({ has: page.getByText(this.requestId, { exact: true }) });
    assert.equal(await row.count(), 1, `« Mes demandes » lists ${this.requestId} once`);
    await expectText(row, 'Brouillon', 'the request is still a draft');
    await expectText(row, this.plan.definition.meta.name, 'the row names the definition');
    await this.visit('mes-demandes');
    await row.getByRole('link', { name: 'Continuer' }).click();
    await this.atStep(0);
  }

  /** Every step the plan fills, in order, with the checks of a real user's first visit. */
  async walkTo(lastIndex: number, from = 0): Promise<void> {
    for (let i = from; i <= lastIndex; i++) {
      const step = this.model.steps[i]!;
      await this.atStep(i);
      await this.visit(`step-${step.id}`);
      await this.fill(step.id);
      if (i < lastIndex) await this.next();
    }
  }

  /** Back from « Continuer »: steps up to `lastIndex` show what was typed, then « Suivant » on each. */
  async checkKept(lastIndex: number): Promise<void> {
    for (let i = 0; i <= lastIndex; i++) {
      const step = this.model.steps[i]!;
      await this.atStep(i);
      await expectStep(this.page, this.model, step.id, this.plan.data[step.id]);
      if (this.plan.upload?.[0] === step.id) await this.documentListed();
      await this.next();
    }
  }

  /** The summary: every step's block, the answers, the terms to tick, « Soumettre la demande ». */
  async submit(): Promise<void> {
    const { page, plan } = this;
    await page.waitForURL((u) => u.pathname === `/demandes/${this.requestId}/recapitulatif`);
    await expectText(heading(page), 'Récapitulatif de votre demande', 'summary heading');
    const main = page.locator('#contenu');
    for (const [i, step] of this.model.steps.entries()) await expectText(main.getByRole('heading', { level: 2, name: `${i + 1}. ${step.title}` }), step.title, 'summary block');
    const title = (plan.data.basic_infos as { intitule?: string } | undefined)?.intitule;
    if (title) await expectText(main, title, 'the summary shows the project name');
    if (plan.upload) await main.getByRole('link', { name: PDF_NAME }).first().waitFor();
    const terms = definitionTerms(plan.definition.schema, plan.definition.meta);
    const engagements = page.getByRole('group', { name: 'Engagements' });
    const boxes = engagements.getByRole('checkbox');
    assert.equal(await boxes.count(), terms.length, `« Engagements » has a box per term: ${terms.map((t) => t.id).join(', ')}`);
    await this.visit('recapitulatif');
    for (const term of terms) await tick(engagements.getByRole('checkbox', { name: term.label.replace(/\s+/g, ' ').trim() }));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Soumettre la demande' }).click()]);
    if (new URL(page.url()).pathname !== `/demandes/${this.requestId}`) {
      const refused = page.locator('#erreurs');
      throw new Error(`« Soumettre la demande » was refused (${page.url()}): ${(await refused.count()) ? await textOf(refused) : await textOf(heading(page))}`);
    }
    await page.getByRole('heading', { name: 'Demande envoyée', exact: true }).waitFor();
    await expectText(page.locator('.fr-alert--success'), 'Votre demande a été transmise à l’équipe d’instruction', 'the notice after submitting');
    await expectText(page.locator('#contenu .fr-badge'), 'En cours d’instruction', 'the request state');
    await expectText(heading(page), `Demande ${this.requestId}`, 'request page heading');
    await this.visit('demande');
  }
}
