import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ErrorSchema, FieldProps, RJSFSchema } from '@rjsf/utils';
import { errorId } from '@rjsf/utils';
import type { DocumentReference, DsfrFormContext } from '../DsfrFormContext.js';
import { classNames } from '../lib/classNames.js';
import { documentConstraints } from '../lib/documentConstraints.js';
import { documentHint } from '../lib/documentHint.js';
import { fieldTexts } from '../lib/fieldTexts.js';
import { isDocumentReference } from '../lib/isDocumentReference.js';
import { isLocked } from '../lib/isLocked.js';
import { pointerFromPath } from '../lib/jsonPointer.js';
import { uploadFiles } from '../lib/uploadFiles.js';
import { DocumentList } from '../parts/DocumentList.js';
import { ErrorText } from '../parts/ErrorText.js';
import { FieldHint } from '../parts/FieldHint.js';
import { RequiredMark } from '../parts/RequiredMark.js';

function defaultDocumentUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}`;
}

function messagesOf(errorSchema: ErrorSchema | undefined): string[] {
  if (!errorSchema) return [];
  const own = Array.isArray(errorSchema.__errors) ? errorSchema.__errors : [];
  const nested = Object.entries(errorSchema).filter(([key]) => key !== '__errors').flatMap(([, child]) => messagesOf(child as ErrorSchema));
  return [...own, ...nested];
}

/**
 * Documents: the files attached (links, sizes, « Retirer ») and a DSFR upload. Chosen files go to
 * `formContext.uploadDocuments`, and only the references it returns enter the data, never the files' content.
 * The input is disabled until the component has mounted in the browser, so that the server's HTML and the
 * first browser render agree.
 */
export function DocumentsField(props: FieldProps<any, RJSFSchema, DsfrFormContext>) {
  const { schema, uiSchema, formData, onChange, fieldPathId, registry, name, required, disabled, readonly, rawErrors, hideError, errorSchema } = props;
  const id = fieldPathId.$id;
  const context = registry.formContext;
  const { title, description, help } = fieldTexts(schema, uiSchema, name);
  const constraints = documentConstraints(schema, registry.rootSchema);
  const documents = (constraints.multiple ? (Array.isArray(formData) ? formData : []) : [formData]).filter(isDocumentReference);
  const latest = useRef(documents);
  latest.current = documents;
  const [mounted, setMounted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  useEffect(() => setMounted(true), []);

  const upload = context?.uploadDocuments;
  const frozen = Boolean(disabled || readonly);
  const errors = [...(hideError ? [] : (rawErrors ?? [])), ...(uploadError ? [uploadError] : [])];
  const hasErrors = errors.length > 0;
  const itemErrors = hideError ? [] : documents.map((_, index) => messagesOf((errorSchema as Record<string, ErrorSchema> | undefined)?.[index]));
  const save = (next: DocumentReference[]) => onChange(constraints.multiple ? next : next[0], fieldPathId.path);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (!files.length || !upload) return;
    setUploadError(undefined);
    setBusy(true);
    const outcome = await uploadFiles(files, upload, { pointer: pointerFromPath(fieldPathId.path), constraints, attached: latest.current.length });
    setBusy(false);
    if ('error' in outcome) setUploadError(outcome.error);
    else save(constraints.multiple ? [...latest.current, ...outcome.references] : outcome.references);
  };

  return (
    <div className={classNames('fr-upload-group', hasErrors && 'fr-upload-group--error')}>
      <label className="fr-label" htmlFor={id}>
        {title}
        <RequiredMark required={required} />
        <FieldHint description={description} help={help} locked={isLocked(context, fieldPathId.path)} />
        <span className="fr-hint-text">{documentHint(constraints)}</span>
      </label>
      <input
        className="fr-upload"
        type="file"
        id={id}
        name={fieldPathId.name ?? id}
        multiple={constraints.multiple || undefined}
        accept={constraints.accept.length ? constraints.accept.join(',') : undefined}
        disabled={!mounted || !upload || frozen || busy}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? errorId(id) : undefined}
        onChange={onFiles}
      />
      <ErrorText id={id} errors={errors} />
      <p className="fr-hint-text" role="status">
        {busy ? 'Envoi en cours…' : ''}
      </p>
      <DocumentList
        id={id}
        documents={documents}
        errors={itemErrors}
        urlOf={context?.documentUrl ?? defaultDocumentUrl}
        onRemove={frozen ? undefined : (index) => save(latest.current.filter((_, i) => i !== index))}
      />
    </div>
  );
}
