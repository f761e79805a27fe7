import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { RJSFSchema } from '@rjsf/utils';
import { errorSchemaFromIssues, stepSchema } from '../../../renderer/theme/index.js';

describe('DSFR theme: errorSchemaFromIssues and stepSchema', () => {
  it('turns the server issues into an rjsf ErrorSchema', () => {
    const schema = errorSchemaFromIssues([
      { pointer: '/basic_infos/intitule', message: '« Intitulé » est obligatoire.' },
      { pointer: '/basic_infos/intitule', message: 'Trop court.' },
      { pointer: '/basic_infos', message: 'Bloc incomplet.' },
      { pointer: '/scopes/2', message: 'Non proposée.' },
      { pointer: '', message: 'Toute la demande.' },
    ]);
    assert.deepEqual(schema, {
      basic_infos: { intitule: { __errors: ['« Intitulé » est obligatoire.', 'Trop court.'] }, __errors: ['Bloc incomplet.'] },
      scopes: { 2: { __errors: ['Non proposée.'] } },
      __errors: ['Toute la demande.'],
    });
  });

  it('unescapes pointer segments, and keeps odd keys as entries', () => {
    const schema = errorSchemaFromIssues([
      { pointer: '/a~1b/c~0d/~01', message: 'x' },
      { pointer: '/__proto__/toString', message: 'y' },
    ]) as Record<string, any>;
    assert.deepEqual(schema['a/b']['c~d']['~1'].__errors, ['x']);
    assert.ok(Object.hasOwn(schema, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(schema, '__proto__')!.value.toString.__errors, ['y']);
    assert.equal(Object.getPrototypeOf(schema), Object.prototype);
  });

  it('stepSchema keeps one step and the definitions, and returns the same object each time', () => {
    const root: RJSFSchema = { type: 'object', definitions: { d: { type: 'string' } }, properties: { a: { $ref: '#/definitions/d' }, b: { type: 'string' } }, required: ['a'], allOf: [{ required: ['b'] }] };
    const step = stepSchema(root, 'a');
    assert.deepEqual(step, { type: 'object', definitions: root.definitions, properties: { a: { $ref: '#/definitions/d' } } });
    assert.equal(stepSchema(root, 'a'), step);
    assert.throws(() => stepSchema(root, 'c'), /no step "c". Known steps: a, b/);
  });
});
