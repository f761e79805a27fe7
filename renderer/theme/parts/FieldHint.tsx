/** What a locked field says under its label. */
export const LOCKED_HINT = "Prérempli pour ce cas d'usage, non modifiable";

export interface FieldHintProps {
  description?: string | undefined;
  help?: string | undefined;
  locked?: boolean | undefined;
}

/** The hint texts that sit inside a label or a legend: description, help, and the locked notice. */
export function FieldHint({ description, help, locked }: FieldHintProps) {
  return (
    <>
      {description ? <span className="fr-hint-text">{description}</span> : null}
      {help ? <span className="fr-hint-text">{help}</span> : null}
      {locked ? (
        <span className="fr-hint-text">
          <span className="fr-icon-lock-line fr-icon--sm" aria-hidden="true" /> {LOCKED_HINT}
        </span>
      ) : null}
    </>
  );
}
