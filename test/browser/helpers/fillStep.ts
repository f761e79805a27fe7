import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { formSchema, subschemasAt, type Definition, type JsonSchema } from '../../../engine/index.js';
import { until } from './pages.js';

/**
 * Filling a step as a person does: every field found by its label (the schema's `title`), a card or a group by
 * its legend, options by their text. The values come from a definition's example; the labels are read from the
 * definition itself (its bundled form schema and definition.yaml's scopes), never from element ids.
 */

// Quotes become « any character »: Playwright's selector parser mistakes them for string delimiters in a regex.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’"]/g, '.');

/**
 * A label or legend that starts with one of `titles`, maybe followed by the required mark « * » and then its
 * hint texts: « Nom du projet * Ce nom sera rendu public. » is found by « Nom du projet ».
 */
export function labelled(...titles: string[]): RegExp {
  return new RegExp(`^\\s*(?:${titles.map(escape).join('|')})(?:\\s*\\*)?(?:$|\\s|(?=\\p{Lu}))`, 'u');
}

/** Every title the schema gives the instance at `path`, across its branches (a contact's phone has two). */
export function titlesAt(schema: JsonSchema, path: readonly string[]): string[] {
  // Options (`oneOf` of `const`s) have titles too: they name a choice, not the field.
  const titles = subschemasAt(schema, path)
    .filter((s) => !('const' in s))
    .map((s) => s.title)
    .filter((t): t is string => typeof t === 'string');
  assert.ok(titles.length, `no title in the schema for /${path.join('/')}: the field has no label to find it by`);
  return [...new Set(titles)];
}

/** The options `[value, text]` a field of `const`s (oneOf) or of an enum offers, from its schemas. */
function optionsOf(schemas: JsonSchema[]): [unknown, string][] {
  for (const s of schemas) {
    const oneOf = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
    if (oneOf?.every((o) => o && typeof o === 'object' && 'const' in o)) return oneOf.map((o) => [o.const, typeof o.title === 'string' ? o.title : String(o.const)]);
    if (Array.isArray(s.enum)) {
      const labels = (s as { 'x-enum-labels'?: string[] })['x-enum-labels'];
      return s.enum.map((v, i) => [v, labels?.[i] ?? String(v)]);
    }
  }
  return [];
}

const isDocumentList = (value: unknown) => Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'content_type' in (v as object));
const isContact = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value) && 'email' in (value as object) && 'phone_number' in (value as object);

/** A definition's form as the tests read it: the form schema (scopes as enum) and definition.yaml's scopes. */
export class FormModel {
  readonly schema: JsonSchema;
  constructor(readonly definition: Definition, readonly useCaseId: string) {
    this.schema = formSchema(definition);
  }

  /** The steps this use case shows, in order. */
  get steps(): { id: string; title: string }[] {
    const only = this.definition.meta.use_cases.find((u) => u.id === this.useCaseId)?.steps;
    return this.definition.steps.filter((s) => !only || only.includes(s.id)).map((s) => ({ id: s.id, title: s.title }));
  }

  /** The scopes this use case offers, by group of definition.yaml (all of them without a limit). */
  get scopeGroups(): { group: string; items: { value: string; label: string; included: boolean }[] }[] {
    const allowed = this.definition.meta.use_cases.find((u) => u.id === this.useCaseId)?.scopes;
    return this.definition.meta.scopes
      .map((g) => ({ group: g.group, items: g.items.filter((i) => !allowed || allowed.includes(i.value)).map((i) => ({ value: i.value, label: i.label, included: Boolean(i.included) })) }))
      .filter((g) => g.items.length);
  }

  /** The label of the field at `path` as a regular expression for `getByLabel`. */
  label(path: readonly string[]): RegExp {
    return labelled(...titlesAt(this.schema, path));
  }

  /** The contact card (or any titled group) at `path`, found by its legend. */
  group(scope: Locator | Page, path: readonly string[]): Locator {
    return scope.getByRole('group', { name: this.label(path) });
  }
}

/**
 * Tick or untick a DSFR checkbox or radio as a person does: by clicking its label (the DSFR draws the box on the
 * label and hides the input under it), then check the box followed.
 */
export async function tick(box: Locator, wanted = true): Promise<void> {
  if ((await box.isChecked()) === wanted) return;
  const id = await box.getAttribute('id');
  assert.ok(id, 'a box without an id has no label to click');
  await box.page().locator(`label[for="${id}"]`).click();
  await until(async () => (await box.isChecked()) === wanted, `clicking the label of #${id} should ${wanted ? '' : 'un'}tick it`);
}

/** The step's form, where every field of the step is. */
export const stepForm = (page: Page) => page.locator('#formulaire-etape');

type Mode = 'fill' | 'check';

/**
 * Fill the step `stepId` with `data` (the example's value for that step), field by field in the order of the
 * data: radios before the fields they show, locked fields (read-only) checked instead of typed. Document lists
 * are left alone (uploads are done by the walk). With `mode: 'check'`, nothing is typed: every field must show
 * the value instead.
 */
export async function fillStep(page: Page, model: FormModel, stepId: string, data: unknown, mode: Mode = 'fill'): Promise<void> {
  const form = stepForm(page);
  if (stepId === 'scopes' && Array.isArray(data)) return scopes(form, model, data as string[], mode);
  await value(form, model, [stepId], data, mode);
}

/** Read back the step: every field shows the example's value. */
export const expectStep = (page: Page, model: FormModel, stepId: string, data: unknown) => fillStep(page, model, stepId, data, 'check');

async function value(scope: Locator, model: FormModel, path: string[], data: unknown, mode: Mode): Promise<void> {
  const where = `/${path.join('/')}`;
  if (isDocumentList(data)) return;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    // A step shows its fields without a legend; a deeper object (a contact card) is a group named by its title.
    const inner = path.length === 1 ? scope : model.group(scope, path);
    const entries = Object.entries(data as Record<string, unknown>);
    // « Ce contact est » first: it decides which fields are shown.
    entries.sort(([a], [b]) => (a === 'type' ? -1 : b === 'type' ? 1 : 0));
    if (isContact(data) && !('type' in (data as object)) && subschemasAt(model.schema, [...path, 'type']).length) entries.unshift(['type', 'person']);
    for (const [key, child] of entries) await value(inner, model, [...path, key], child, mode);
    return;
  }
  const schemas = subschemasAt(model.schema, path);
  if (Array.isArray(data)) {
    // A list of values: checkboxes, in a group named by the field's title.
    const options = optionsOf(subschemasAt(model.schema, [...path, '0']));
    assert.ok(options.length, `${where}: a list whose options the test cannot tell`);
    const group = scope.getByRole('group', { name: model.label(path) });
    for (const [v, text] of options) {
      const box = group.getByRole('checkbox', { name: labelled(text) });
      const wanted = data.includes(v);
      if (mode === 'check' || !(await box.isEnabled())) assert.equal(await box.isChecked(), wanted, `${where}: « ${text} » should ${wanted ? '' : 'not '}be ticked`);
      else await tick(box, wanted);
    }
    return;
  }
  const options = optionsOf(schemas);
  if (options.length && schemas.some((s) => s.type !== 'boolean')) {
    // One value among options: radios in a group named by the field's title.
    const chosen = options.find(([v]) => v === data);
    assert.ok(chosen, `${where}: ${JSON.stringify(data)} is not one of the options ${JSON.stringify(options)}`);
    const group = scope.getByRole('group', { name: model.label(path) });
    const radio = group.getByRole('radio', { name: labelled(chosen[1]) });
    if (mode === 'check' || !(await radio.isEnabled())) assert.equal(await radio.isChecked(), true, `${where}: « ${chosen[1]} » should be chosen`);
    else await tick(radio);
    return;
  }
  if (typeof data === 'boolean') {
    const box = scope.getByRole('checkbox', { name: model.label(path) });
    if (mode === 'check' || !(await box.isEnabled())) assert.equal(await box.isChecked(), data, `${where} should be ${data ? '' : 'un'}ticked`);
    else await tick(box, data);
    return;
  }
  const field = scope.getByLabel(model.label(path));
  const text = String(data);
  if (mode === 'check' || !(await field.isEditable())) {
    assert.equal(normalise(await field.inputValue()), normalise(text), `${where} (« ${titlesAt(model.schema, path)[0]} ») should show the example's value`);
    return;
  }
  await field.fill(text);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The scopes step: one group per group of definition.yaml, a box per scope the use case offers. */
async function scopes(form: Locator, model: FormModel, wanted: string[], mode: Mode): Promise<void> {
  for (const group of model.scopeGroups) {
    const fieldset = form.getByRole('group', { name: group.group, exact: true });
    for (const item of group.items) {
      const box = fieldset.getByRole('checkbox', { name: labelled(item.label) });
      // An included scope is always granted: shown ticked and locked, added back by the server if dropped.
      const expected = item.included || wanted.includes(item.value);
      if (mode === 'check' || !(await box.isEnabled())) assert.equal(await box.isChecked(), expected, `scope « ${item.label} » (${group.group}) should ${expected ? '' : 'not '}be ticked`);
      else await tick(box, expected);
    }
  }
}
