import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderToString } from 'react-dom/server';
import type { RJSFSchema } from '@rjsf/utils';
import { formSchema } from '../../../engine/index.js';
import { StepForm, type DocumentReference, type DsfrFormContext } from '../../../renderer/theme/index.js';
import { documentConstraints } from '../../../renderer/theme/lib/documentConstraints.js';
import { documentHint } from '../../../renderer/theme/lib/documentHint.js';
import { formatFileSize } from '../../../renderer/theme/lib/formatFileSize.js';
import { uploadFiles } from '../../../renderer/theme/lib/uploadFiles.js';
import { definition } from './support/definitions.js';
import { byClass, byId, hasClass, outerHtml, tags, text } from './support/htmlTags.js';
import { consoleErrors, oneField, renderForm } from './support/renderForm.js';

const particulier = definition('api-particulier');
const schema = formSchema(particulier) as RJSFSchema;
const ID = 'root_legal_cadre_juridique_document';
const pdfs: DocumentReference[] = [
  { id: 'doc-1', filename: 'deliberation.pdf', content_type: 'application/pdf', size: 1_258_291 },
  { id: 'doc-2', filename: 'annexe.pdf', content_type: 'application/pdf', size: 20_480 },
];

function legal(context: DsfrFormContext, documents?: DocumentReference[]) {
  const data = { legal: { cadre_juridique_nature: 'Délibération', ...(documents ? { cadre_juridique_document: documents } : {}) } };
  const { result, errors } = consoleErrors(() => renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="legal" data={data} context={context} />));
  assert.deepEqual(errors, []);
  return result;
}

describe('DSFR theme: documents', () => {
  it('renders a DSFR upload: label with hints, input accepting the content types of the items, several files', () => {
    const html = legal({});
    const input = byId(html, ID);
    assert.deepEqual([input.name, input.attrs.type, input.attrs.accept], ['input', 'file', 'application/pdf']);
    assert.ok(hasClass(input, 'fr-upload'));
    assert.ok('multiple' in input.attrs);
    assert.equal(byClass(html, 'fr-upload-group').length, 1);
    const label = outerHtml(html, tags(html).find((t) => t.name === 'label' && t.attrs.for === ID)!);
    assert.match(text(label), /^Texte au format PDF Le texte au format PDF, si aucun lien public n'existe/);
    assert.match(text(label), /Taille maximale : 10 Mo\. Formats acceptés : PDF\. 6 fichiers au plus\.$/);
  });

  it('is disabled in the server HTML, whatever the context, so that the first browser render matches it', () => {
    const upload = async () => [];
    assert.ok('disabled' in byId(legal({}), ID).attrs);
    assert.equal(legal({ uploadDocuments: upload }), legal({}));
  });

  it('lists the attached files: a link to the document, its size in French and a « Retirer » button', () => {
    const html = legal({}, pdfs);
    const links = tags(html).filter((t) => t.name === 'a');
    assert.deepEqual(links.map((l) => [l.attrs.href, l.attrs.target, l.attrs.rel]), [
      ['/api/documents/doc-1', '_blank', 'noopener'],
      ['/api/documents/doc-2', '_blank', 'noopener'],
    ]);
    assert.match(text(html), /deliberation\.pdf \(PDF, 1,2 Mo\) Retirer « deliberation\.pdf »/);
    assert.match(text(html), /annexe\.pdf \(PDF, 20 Ko\)/);
    const buttons = tags(html).filter((t) => t.name === 'button');
    assert.equal(buttons.length, 2);
    assert.ok(buttons.every((b) => b.attrs.type === 'button'));
    const custom = legal({ documentUrl: (id) => `/demandes/D1/pieces/${id}` }, pdfs);
    assert.deepEqual(tags(custom).filter((t) => t.name === 'a').map((l) => l.attrs.href), ['/demandes/D1/pieces/doc-1', '/demandes/D1/pieces/doc-2']);
    assert.equal(tags(legal({ locked: ['/legal/cadre_juridique_document'] }, pdfs)).filter((t) => t.name === 'button').length, 0, 'a locked list cannot lose files');
  });

  it('shows the errors of the list and of each file', () => {
    const html = renderToString(
      <StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="legal" data={{ legal: { cadre_juridique_document: pdfs } }} issues={[{ pointer: '/legal/cadre_juridique_document/1/size', message: '« Taille » ne doit pas dépasser 10 Mo.' }, { pointer: '/legal/cadre_juridique_document', message: 'Trop de fichiers.' }]} context={{}} />,
    );
    assert.ok(hasClass(byClass(html, 'fr-upload-group')[0]!, 'fr-upload-group--error'));
    assert.equal(text(outerHtml(html, byId(html, `${ID}__error`))), 'Trop de fichiers.');
    assert.equal(byId(html, ID).attrs['aria-describedby'], `${ID}__error`);
    assert.equal(text(outerHtml(html, byId(html, `${ID}-1__error`))), '« Taille » ne doit pas dépasser 10 Mo.');
  });

  it('a single document reference gets one file, its name as a link', () => {
    const single = oneField({ $ref: '#/definitions/pdf', title: 'Décision signée' }, { definitions: (schema.definitions!.shared__document as RJSFSchema).definitions as Record<string, RJSFSchema> });
    const html = renderForm(single, { formData: { step: { field: pdfs[0] } } });
    const input = byId(html, 'root_step_field');
    assert.ok(!('multiple' in input.attrs));
    assert.match(text(html), /Taille maximale : 10 Mo\. Formats acceptés : PDF\.(?! 6)/);
    assert.match(text(html), /deliberation\.pdf \(PDF, 1,2 Mo\)/);
  });

  it('reads its limits from the schema', () => {
    const list = (schema.definitions!.shared__document as RJSFSchema).definitions!.pdf_list as RJSFSchema;
    const constraints = documentConstraints(list, schema);
    assert.deepEqual(constraints, { multiple: true, accept: ['application/pdf'], maxSize: 10_485_760, maxCount: 6 });
    assert.equal(documentHint(constraints), 'Taille maximale : 10 Mo. Formats acceptés : PDF. 6 fichiers au plus.');
    assert.deepEqual([formatFileSize(500), formatFileSize(1536), formatFileSize(1_258_291), formatFileSize(10_485_760)], ['500 octets', '1,5 Ko', '1,2 Mo', '10 Mo']);
  });

  describe('uploading', () => {
    const constraints = { multiple: true, accept: ['application/pdf'], maxSize: 10_485_760, maxCount: 6 };
    const pdf = (name: string, size = 1000) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

    it('hands the files to uploadDocuments with the JSON pointer of the field, and returns the references', async () => {
      const calls: [string, string[]][] = [];
      const outcome = await uploadFiles([pdf('a.pdf'), pdf('b.pdf')], async (pointer, files) => {
        calls.push([pointer, files.map((f) => f.name)]);
        return files.map((f, i) => ({ id: `id-${i}`, filename: f.name, content_type: f.type, size: f.size }));
      }, { pointer: '/legal/cadre_juridique_document', constraints, attached: 1 });
      assert.deepEqual(calls, [['/legal/cadre_juridique_document', ['a.pdf', 'b.pdf']]]);
      assert.deepEqual(outcome, { references: [{ id: 'id-0', filename: 'a.pdf', content_type: 'application/pdf', size: 1000 }, { id: 'id-1', filename: 'b.pdf', content_type: 'application/pdf', size: 1000 }] });
    });

    it('returns the French message of a failed upload, and refuses what the schema refuses before sending', async () => {
      const failing = async () => {
        throw new Error('Le fichier est illisible.');
      };
      assert.deepEqual(await uploadFiles([pdf('a.pdf')], failing, { pointer: '/x', constraints, attached: 0 }), { error: 'Le fichier est illisible.' });
      const never = async () => assert.fail('nothing is sent');
      assert.match(((await uploadFiles([pdf('a.pdf'), pdf('b.pdf')], never, { pointer: '/x', constraints, attached: 5 })) as { error: string }).error, /6 fichiers au plus/);
      assert.match(((await uploadFiles([pdf('gros.pdf', 10_485_761)], never, { pointer: '/x', constraints, attached: 0 })) as { error: string }).error, /« gros\.pdf » dépasse la taille maximale de 10 Mo/);
      const png = new File(['x'], 'photo.png', { type: 'image/png' });
      assert.match(((await uploadFiles([png], never, { pointer: '/x', constraints, attached: 0 })) as { error: string }).error, /n'est pas dans un format accepté \(PDF\)/);
    });
  });
});
