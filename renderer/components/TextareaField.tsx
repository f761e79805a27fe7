import type { ReactNode } from 'react';

export interface TextareaFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  rows: number;
  /** The longest text the server takes for this field: the browser stops typing there. */
  maxLength: number;
  required?: boolean | undefined;
  /** What was typed before a refusal: never lost. */
  defaultValue?: string | undefined;
  /** The server's refusal of this field, shown next to it. */
  error?: string | undefined;
}

/**
 * A DSFR textarea with its label and, after a refusal, its error next to it (`fr-input-group--error`, linked by
 * `aria-describedby`) and the text that was typed.
 */
export function TextareaField({ id, name, label, rows, maxLength, required, defaultValue, error }: TextareaFieldProps) {
  const errorId = `${id}-erreur`;
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        {...(error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {})}
      />
      {error ? (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
