import { errorId } from '@rjsf/utils';

export interface ErrorTextProps {
  /** The field id: the message's id is `{id}__error`, which the field's control names in `aria-describedby`. */
  id: string;
  errors?: string[] | undefined;
}

/** A field's error messages, in one DSFR error paragraph. */
export function ErrorText({ id, errors }: ErrorTextProps) {
  if (!errors?.length) return null;
  return (
    <p className="fr-error-text" id={errorId(id)}>
      {errors.join(' ')}
    </p>
  );
}
