import type { DocumentReference } from '../DsfrFormContext.js';
import { contentTypeLabel } from '../lib/contentTypeLabel.js';
import { formatFileSize } from '../lib/formatFileSize.js';
import { ErrorText } from './ErrorText.js';

export interface DocumentListProps {
  /** The field id; each file's errors are `{id}-{index}__error`. */
  id: string;
  documents: DocumentReference[];
  /** Errors of each document, by index in the data. */
  errors: (string[] | undefined)[];
  urlOf: (id: string) => string;
  /** Absent when the field cannot change. */
  onRemove?: ((index: number) => void) | undefined;
}

/** The attached files: name (a link opening in a new window), type and size in French, and « Retirer ». */
export function DocumentList({ id, documents, errors, urlOf, onRemove }: DocumentListProps) {
  if (!documents.length) return null;
  return (
    <ul className="dsfr-documents fr-mt-2w">
      {documents.map((document, index) => {
        const details = [document.content_type ? contentTypeLabel(document.content_type) : undefined, typeof document.size === 'number' ? formatFileSize(document.size) : undefined].filter(Boolean).join(', ');
        return (
          <li key={document.id} className="fr-mb-1w">
            <a className="fr-link" href={urlOf(document.id)} target="_blank" rel="noopener" title={`${document.filename} - nouvelle fenêtre`}>
              {document.filename}
            </a>
            {details ? <span className="fr-text--sm"> ({details})</span> : null}
            {onRemove ? (
              <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-btn--icon-left fr-icon-delete-line fr-ml-2w" onClick={() => onRemove(index)}>
                Retirer<span className="fr-sr-only"> « {document.filename} »</span>
              </button>
            ) : null}
            <ErrorText id={`${id}-${index}`} errors={errors[index]} />
          </li>
        );
      })}
    </ul>
  );
}
