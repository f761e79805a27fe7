import { errorId } from '@rjsf/utils';
import { classNames } from '../lib/classNames.js';
import type { ScopeView } from '../lib/scopeViews.js';
import { ErrorText } from '../parts/ErrorText.js';

export interface ScopeCheckboxProps {
  /** The id of the box; its error message is `{id}__error`. */
  id: string;
  name: string;
  view: ScopeView;
  errors?: string[] | undefined;
  onToggle: (value: string, checked: boolean) => void;
}

/** One scope: its box, its label with badges and help, and a link to its documentation in a new window. */
export function ScopeCheckbox({ id, name, view, errors, onToggle }: ScopeCheckboxProps) {
  const { scope, checked, disabled, badges } = view;
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="fr-fieldset__element">
      <div className={classNames('fr-checkbox-group', hasErrors && 'fr-checkbox-group--error')}>
        <input
          type="checkbox"
          id={id}
          name={name}
          value={scope.value}
          checked={checked}
          disabled={disabled}
          aria-invalid={hasErrors || undefined}
          aria-describedby={hasErrors ? errorId(id) : undefined}
          onChange={(event) => onToggle(scope.value, event.target.checked)}
        />
        <label className="fr-label" htmlFor={id}>
          {scope.label}
          {badges.map((badge) => (
            <span key={badge.label} className={classNames('fr-badge fr-badge--sm fr-ml-1w', badge.tone && `fr-badge--${badge.tone}`)}>
              {badge.label}
            </span>
          ))}
          {scope.help ? <span className="fr-hint-text">{scope.help}</span> : null}
        </label>
        {scope.link ? (
          <p className="fr-text--sm fr-mb-0 fr-ml-4w">
            <a className="fr-link fr-link--sm" href={scope.link} target="_blank" rel="noopener" title={`Documentation : ${scope.label} - nouvelle fenêtre`}>
              Documentation<span className="fr-sr-only"> : {scope.label}</span>
            </a>
          </p>
        ) : null}
        <ErrorText id={id} errors={errors} />
      </div>
    </div>
  );
}
