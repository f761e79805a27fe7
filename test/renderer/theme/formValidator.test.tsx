import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import { formSchema } from '../../../engine/index.js';
import { formValidator } from '../../../renderer/theme/index.js';
import { compileValidator } from '../../../renderer/theme/validator/compileValidator.js';
import { definition } from './support/definitions.js';

const particulier = definition('api-particulier');
const root = formSchema(particulier) as RJSFSchema;
const contactFields = ((root.definitions!.shared__contact as RJSFSchema).definitions!.contact_fields) as RJSFSchema;
const contact = { $ref: '#/definitions/shared__contact/definitions/contact' } as RJSFSchema;
const person = { type: 'person', given_name: 'Camille', family_name: 'Martin', job_title: 'Cheffe de projet', email: 'c.martin@clamart.fr', phone_number: '01 02 03 04 05' };
const organization = { type: 'organization', email: 'contact@clamart.fr', phone_number: '01 02 03 04 05' };

describe('DSFR theme: formValidator (@cfworker/json-schema)', () => {
  describe('isValid, as rjsf uses it to resolve schemas', () => {
    it('evaluates the if of a contact: organisation or person', () => {
      const condition = contactFields.if as RJSFSchema;
      assert.equal(formValidator.isValid(condition, { type: 'organization' }, root), true);
      assert.equal(formValidator.isValid(condition, { type: 'person' }, root), false);
      assert.equal(formValidator.isValid(condition, {}, root), false);
    });

    it('resolves $ref against the root schema, through allOf and the else branch', () => {
      assert.equal(formValidator.isValid(contact, person, root), true);
      assert.equal(formValidator.isValid(contact, organization, root), true);
      assert.equal(formValidator.isValid(contact, { ...organization, type: 'person' }, root), false, 'a person needs a name (else branch)');
      assert.equal(formValidator.isValid({ $ref: '#/definitions/shared__contact/definitions/contact_technique' } as RJSFSchema, person, root), true);
    });

    it('lets rjsf pick the branch of a contact from its data', () => {
      const utils = createSchemaUtils(formValidator, root);
      assert.deepEqual(Object.keys(utils.retrieveSchema(contact, organization).properties!), ['type', 'email', 'phone_number']);
      assert.deepEqual(Object.keys(utils.retrieveSchema(contact, person).properties!), ['type', 'email', 'phone_number', 'family_name', 'given_name', 'job_title']);
    });

    it('ignores unknown keywords and unknown formats, checks the formats it knows', () => {
      const scopes = root.properties!.scopes as RJSFSchema;
      assert.ok(Array.isArray((scopes.items as RJSFSchema)['x-enum-labels']));
      assert.equal(formValidator.isValid(scopes, ['cnaf_quotient_familial'], root), true);
      assert.equal(formValidator.isValid(scopes, ['inconnu'], root), false);
      const odd = { type: 'string', format: 'siret', errorMessage: 'x', 'x-authorization-of': 'france-connect' } as RJSFSchema;
      assert.equal(formValidator.isValid(odd, 'pas un siret', root), true);
      for (const format of ['phone_fr', 'mobile_fr', 'siren']) assert.equal(formValidator.isValid({ type: 'string', format } as RJSFSchema, 'abc', root), true);
      assert.equal(formValidator.isValid({ type: 'string', format: 'email' }, 'pas une adresse', root), false);
      assert.equal(formValidator.isValid({ type: 'string', format: 'date' }, '2026-02-30', root), false);
    });

    it('evaluates the siblings of $ref, as ajv does', () => {
      const list = { $ref: '#/definitions/shared__document/definitions/pdf_list', minItems: 1 } as RJSFSchema;
      assert.equal(formValidator.isValid(list, [], root), false);
    });

    it('treats undefined data as absent, and returns false on a broken schema', () => {
      assert.equal(formValidator.isValid({ type: 'object' }, undefined, root), false);
      assert.equal(formValidator.isValid({ required: ['a'] }, { a: undefined }, root), false);
      const warn = console.warn;
      console.warn = () => {};
      try {
        assert.equal(formValidator.isValid({ $ref: '#/definitions/nowhere' } as RJSFSchema, {}, root), false);
      } finally {
        console.warn = warn;
      }
    });

    it('compiles each schema once, per object and per content (rjsf copies schemas when it merges allOf)', () => {
      const condition = { properties: { a: { const: 1 } } } as RJSFSchema;
      const compiled = compileValidator(condition, root, false);
      assert.equal(compileValidator(condition, root, false), compiled);
      assert.equal(compileValidator(structuredClone(condition), root, false), compiled);
      assert.notEqual(compileValidator(condition, root, true), compiled, 'all errors or the first one: two validators');
      assert.notEqual(compileValidator(condition, { ...root }, false), compiled, 'another root, another validator');
    });

    it('leaves the schemas it is given untouched', () => {
      const before = JSON.stringify(root);
      formValidator.isValid(contact, person, root);
      formValidator.validateFormData({}, root);
      assert.equal(JSON.stringify(root), before);
      assert.equal(Object.getOwnPropertyNames(contactFields).includes('__absolute_uri__'), false);
    });

    it('runs without eval or new Function (a script-src self policy)', () => {
      const dist = join(import.meta.dirname, '..', '..', '..', 'node_modules', '@cfworker', 'json-schema', 'dist', 'esm');
      for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
        assert.doesNotMatch(readFileSync(join(dist, file), 'utf8'), /new Function\(|\beval\(/, file);
      }
    });
  });

  describe('validateFormData', () => {
    it('maps errors to rjsf errors and errorSchema, in French, at the field they are about', () => {
      const data = { legal: { cadre_juridique_nature: 'ab', cadre_juridique_url: 'pas un lien', cadre_juridique_document: [{ id: '1', filename: 'a.txt', content_type: 'text/plain', size: 99_999_999 }] } };
      const { errors, errorSchema } = formValidator.validateFormData(data, root);
      const byProperty = Object.fromEntries(errors.map((e) => [e.property, e.message]));
      assert.equal(byProperty['.basic_infos'], 'Ce champ est obligatoire.');
      assert.equal(byProperty['.legal.cadre_juridique_nature'], 'Saisissez au moins 3 caractères.');
      assert.equal(byProperty['.legal.cadre_juridique_url'], 'Saisissez une adresse web valide (https://…).');
      assert.equal(byProperty['.legal.cadre_juridique_document.0.content_type'], '« Type de fichier » doit être un fichier PDF.', 'errorMessage of the schema');
      assert.equal(byProperty['.legal.cadre_juridique_document.0.size'], '« Taille » ne doit pas dépasser 10 Mo.');
      assert.deepEqual((errorSchema as any).legal.cadre_juridique_nature.__errors, ['Saisissez au moins 3 caractères.']);
      assert.deepEqual((errorSchema as any).basic_infos.__errors, ['Ce champ est obligatoire.']);
      const required = errors.find((e) => e.property === '.basic_infos')!;
      assert.deepEqual([required.name, required.params], ['required', { missingProperty: 'basic_infos' }]);
    });

    it('accepts a valid example, and reports the required fields of the branch that applies', () => {
      assert.deepEqual(formValidator.validateFormData(particulier.examples.find((e) => e.name === 'valid-libre-params')!.data, root).errors, []);
      const { errors } = formValidator.validateFormData({ type: 'person', email: 'a@b.fr', phone_number: '0102030405' }, { ...contact, definitions: root.definitions } as RJSFSchema);
      assert.deepEqual(errors.map((e) => e.property).sort(), ['.family_name', '.given_name', '.job_title']);
    });

    it('applies transformErrors and customValidate', () => {
      const schema: RJSFSchema = { type: 'object', properties: { a: { type: 'string', minLength: 2 } } };
      const { errors, errorSchema } = formValidator.validateFormData(
        { a: 'x' },
        schema,
        (data, handler) => {
          handler.a!.addError('Personnalisé.');
          return handler;
        },
        (list) => list.map((e) => ({ ...e, message: `[${e.message}]` })),
      );
      assert.deepEqual(errors.map((e) => e.message), ['[Saisissez au moins 2 caractères.]', 'Personnalisé.']);
      assert.deepEqual((errorSchema as any).a.__errors, ['[Saisissez au moins 2 caractères.]', 'Personnalisé.']);
    });

    it('rawValidation returns the output units of @cfworker/json-schema', () => {
      const { errors } = formValidator.rawValidation<{ keyword: string }>({ type: 'string' }, 3);
      assert.ok(errors?.some((e) => e.keyword === 'type'));
    });
  });
});
