import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { byClass, byId, hasClass, outerHtml, tags, text } from './support/htmlTags.js';
import { consoleErrors, oneField, renderForm } from './support/renderForm.js';

const ID = 'root_step_field';

function render(field: RJSFSchema, options: { ui?: UiSchema; value?: unknown; errors?: string[]; required?: boolean } = {}) {
  const { result: html, errors } = consoleErrors(() =>
    renderForm(oneField(field, { required: options.required }), {
      uiSchema: options.ui ? { step: { field: options.ui } } : undefined,
      formData: options.value === undefined ? undefined : { step: { field: options.value } },
      extraErrors: options.errors ? { step: { field: { __errors: options.errors } } } : undefined,
    }),
  );
  assert.deepEqual(errors, [], 'React and rjsf print no warning');
  return html;
}

/** The label of the control, its `for` naming the control. */
function labelFor(html: string, id: string) {
  const label = tags(html).find((t) => t.name === 'label' && t.attrs.for === id);
  assert.ok(label, `a label for #${id}`);
  assert.ok(hasClass(label, 'fr-label'));
  return outerHtml(html, label);
}

describe('DSFR theme: widgets', () => {
  describe('text input', () => {
    const field: RJSFSchema = { type: 'string', title: 'Nom du projet', description: 'Ce nom sera rendu public.', maxLength: 255 };

    it('is a fr-input labelled by its title, with the description and help as hints inside the label', () => {
      const html = render(field, { ui: { 'ui:help': 'Un nom court.', 'ui:placeholder': 'Ex. : Cantine' }, value: 'Cantine', required: true });
      const input = byId(html, ID);
      assert.equal(input.name, 'input');
      assert.equal(input.attrs.type, 'text');
      assert.ok(hasClass(input, 'fr-input'));
      assert.equal(input.attrs.value, 'Cantine');
      assert.equal(input.attrs.placeholder, 'Ex. : Cantine');
      assert.equal(input.attrs.maxlength, '255');
      assert.ok('required' in input.attrs);
      const label = labelFor(html, ID);
      assert.match(text(label), /^Nom du projet \* Ce nom sera rendu public\. Un nom court\.$/);
      assert.equal(byClass(label, 'fr-hint-text').length, 2);
      const group = tags(html).filter((t) => hasClass(t, 'fr-input-group'));
      assert.equal(group.length, 1);
      assert.ok(!hasClass(group[0]!, 'fr-input-group--error'));
      assert.equal(input.attrs['aria-describedby'], undefined, 'no error, no reference to one');
    });

    it('shows its error: group in error, message {id}__error, named by the input aria-describedby', () => {
      const html = render(field, { errors: ['« Nom du projet » est obligatoire.'] });
      const input = byId(html, ID);
      const message = byId(html, `${ID}__error`);
      assert.equal(message.name, 'p');
      assert.ok(hasClass(message, 'fr-error-text'));
      assert.equal(text(outerHtml(html, message)), '« Nom du projet » est obligatoire.');
      assert.equal(input.attrs['aria-describedby'], `${ID}__error`);
      assert.equal(input.attrs['aria-invalid'], 'true');
      assert.ok(hasClass(input, 'fr-input--error'));
      assert.ok(hasClass(byClass(html, 'fr-input-group')[0]!, 'fr-input-group--error'));
    });
  });

  it('e-mail, URL, number and date inputs get their input type', () => {
    assert.equal(byId(render({ type: 'string', title: 'E-mail', format: 'email' }), ID).attrs.type, 'email');
    assert.equal(byId(render({ type: 'string', title: 'Lien', format: 'url' }), ID).attrs.type, 'url');
    assert.equal(byId(render({ type: 'string', title: 'Lien', format: 'uri' }), ID).attrs.type, 'url');
    const updown = byId(render({ type: 'integer', title: 'Durée', minimum: 1, maximum: 1200 }, { ui: { 'ui:widget': 'updown' }, value: 24 }), ID);
    assert.deepEqual([updown.attrs.type, updown.attrs.step, updown.attrs.min, updown.attrs.max, updown.attrs.value], ['number', '1', '1', '1200', '24']);
    assert.equal(byId(render({ type: 'integer', title: 'Durée' }), ID).attrs.type, 'number', 'numbers are number inputs without a widget too');
    const date = byId(render({ type: 'string', title: 'Date', format: 'date' }, { value: '2026-09-01' }), ID);
    assert.deepEqual([date.attrs.type, date.attrs.value, date.attrs.class], ['date', '2026-09-01', 'fr-input']);
    assert.equal(byId(render({ type: 'string', title: 'Date' }, { ui: { 'ui:widget': 'date' } }), ID).attrs.type, 'date');
  });

  it('textarea is a fr-input textarea', () => {
    const html = render({ type: 'string', title: 'Description' }, { ui: { 'ui:widget': 'textarea' }, value: 'Texte', errors: ['Trop court.'] });
    const textarea = byId(html, ID);
    assert.equal(textarea.name, 'textarea');
    assert.ok(hasClass(textarea, 'fr-input'));
    assert.ok(hasClass(textarea, 'fr-input--error'));
    assert.equal(textarea.attrs['aria-describedby'], `${ID}__error`);
    assert.equal(textarea.attrs.rows, '5');
    assert.match(outerHtml(html, textarea), />Texte<\/textarea>$/);
    labelFor(html, ID);
  });

  describe('select', () => {
    it('lists enum values with the labels of x-enum-labels', () => {
      const html = render({ type: 'string', title: 'Niveau', enum: ['a', 'b'], 'x-enum-labels': ['Niveau A', 'Niveau B'] }, { value: 'b' });
      const select = byId(html, ID);
      assert.equal(select.name, 'select');
      assert.ok(hasClass(select, 'fr-select'));
      assert.equal(byClass(html, 'fr-select-group').length, 1);
      labelFor(html, ID);
      assert.deepEqual(tags(html).filter((t) => t.name === 'option').map((o) => o.attrs.value), ['', '0', '1']);
      assert.match(text(outerHtml(html, select)), /Sélectionner une option Niveau A Niveau B/);
      assert.ok('selected' in tags(html).filter((t) => t.name === 'option')[2]!.attrs, 'the value is selected');
    });

    it('lists oneOf consts with their titles, and shows its error', () => {
      const html = render({ type: 'string', title: 'Niveau', oneOf: [{ const: 'eidas_1', title: 'Faible' }, { const: 'eidas_2', title: 'Substantiel' }] }, { errors: ['Choisissez.'] });
      assert.match(text(outerHtml(html, byId(html, ID))), /Faible Substantiel/);
      assert.ok(hasClass(byClass(html, 'fr-select-group')[0]!, 'fr-select-group--error'));
      assert.equal(byId(html, ID).attrs['aria-describedby'], `${ID}__error`);
      byId(html, `${ID}__error`);
    });
  });

  it('radios are a fr-fieldset whose legend is the title, one fr-radio-group per option', () => {
    const field: RJSFSchema = { type: 'string', title: 'Ce contact est', oneOf: [{ const: 'person', title: 'Une personne' }, { const: 'organization', title: 'Une organisation' }] };
    const html = render(field, { ui: { 'ui:widget': 'radio', 'ui:help': 'Choisissez.' }, value: 'organization', errors: ['Choix invalide.'] });
    const fieldset = byId(html, ID);
    assert.equal(fieldset.name, 'fieldset');
    assert.ok(hasClass(fieldset, 'fr-fieldset') && hasClass(fieldset, 'fr-fieldset--error'));
    assert.equal(fieldset.attrs['aria-labelledby'], `${ID}__legend`);
    assert.equal(fieldset.attrs['aria-describedby'], `${ID}__error`);
    const legend = byId(html, `${ID}__legend`);
    assert.equal(legend.name, 'legend');
    assert.equal(text(outerHtml(html, legend)), 'Ce contact est Choisissez.');
    const radios = tags(html).filter((t) => t.name === 'input');
    assert.deepEqual(radios.map((r) => [r.attrs.type, r.attrs.id, r.attrs.name, 'checked' in r.attrs]), [
      ['radio', `${ID}-0`, ID, false],
      ['radio', `${ID}-1`, ID, true],
    ]);
    assert.equal(byClass(html, 'fr-radio-group').length, 2);
    assert.equal(text(labelFor(html, `${ID}-1`)), 'Une organisation');
    assert.ok(byId(html, `${ID}__error`).index > legend.index, 'the message sits in the fieldset, after the options');
  });

  it('a boolean as radios says « Oui » and « Non »: rjsf speaks French', () => {
    const html = render({ type: 'boolean', title: 'Service public ?' }, { ui: { 'ui:widget': 'radio' }, value: false });
    assert.equal(text(labelFor(html, `${ID}-0`)), 'Oui');
    assert.equal(text(labelFor(html, `${ID}-1`)), 'Non');
    assert.ok('checked' in byId(html, `${ID}-1`).attrs);
  });

  it('a boolean is a fr-checkbox-group: box first, then its label', () => {
    const html = render({ type: 'boolean', title: "J'atteste avoir réalisé la recette." }, { value: true, errors: ['Attestez.'], required: true });
    const box = byId(html, ID);
    assert.deepEqual([box.name, box.attrs.type, 'checked' in box.attrs], ['input', 'checkbox', true]);
    assert.equal(box.attrs['aria-describedby'], `${ID}__error`);
    const group = byClass(html, 'fr-checkbox-group')[0]!;
    assert.ok(hasClass(group, 'fr-checkbox-group--error'));
    const label = tags(html).find((t) => t.name === 'label' && t.attrs.for === ID)!;
    assert.ok(label.index > box.index, 'the label follows the box');
    assert.equal(text(outerHtml(html, label)), "J'atteste avoir réalisé la recette. *");
  });

  it('a list of enum values is a fieldset of checkboxes, labelled by x-enum-labels, checkboxes without ui:widget too', () => {
    const field: RJSFSchema = { type: 'array', title: 'Données', uniqueItems: true, items: { type: 'string', enum: ['rsa', 'aah', 'asf'], 'x-enum-labels': ['Statut RSA', 'Statut AAH', 'Statut ASF'] } as RJSFSchema };
    for (const ui of [{ 'ui:widget': 'checkboxes' }, undefined]) {
      const html = render(field, { ui, value: ['aah'] });
      assert.equal(byId(html, ID).name, 'fieldset');
      const boxes = tags(html).filter((t) => t.name === 'input');
      assert.deepEqual(boxes.map((b) => [b.attrs.type, b.attrs.id, 'checked' in b.attrs]), [
        ['checkbox', `${ID}-0`, false],
        ['checkbox', `${ID}-1`, true],
        ['checkbox', `${ID}-2`, false],
      ]);
      assert.equal(byClass(html, 'fr-checkbox-group').length, 3);
      assert.equal(byClass(html, 'fr-fieldset__element').length, 3);
      assert.equal(text(labelFor(html, `${ID}-2`)), 'Statut ASF');
    }
  });

  it('a list of oneOf consts is a fieldset of checkboxes labelled by the titles', () => {
    const field: RJSFSchema = { type: 'array', title: 'Modalités', uniqueItems: true, items: { type: 'string', oneOf: [{ const: 'params', title: 'Par les paramètres' }, { const: 'fc', title: 'Par FranceConnect' }] } };
    const html = render(field, { ui: { 'ui:widget': 'checkboxes' }, value: ['fc'] });
    assert.equal(text(labelFor(html, `${ID}-1`)), 'Par FranceConnect');
    assert.ok('checked' in byId(html, `${ID}-1`).attrs);
  });

  it('read-only controls: inputs read-only, boxes and radios disabled', () => {
    const schema = oneField({ type: 'object', title: 'Bloc', properties: { a: { type: 'string', title: 'A' }, b: { type: 'boolean', title: 'B' }, c: { type: 'string', title: 'C', enum: ['x', 'y'] } } });
    const html = renderForm(schema, { readonly: true, uiSchema: { step: { field: { c: { 'ui:widget': 'radio' } } } } });
    assert.ok('readonly' in byId(html, 'root_step_field_a').attrs);
    assert.ok('disabled' in byId(html, 'root_step_field_b').attrs);
    assert.ok('disabled' in byId(html, 'root_step_field_c-0').attrs);
  });
});
