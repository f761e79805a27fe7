import { useEffect, useRef, useState, type FormEvent } from 'react';

/** One field both the page and the server changed, as the applicant reads it. */
export interface ConflictView {
  pointer: string;
  /** The step's title and the field's label: « Votre projet – Nom du projet ». */
  label: string;
  mine: string;
  theirs: string;
}

export type Choice = 'mine' | 'theirs';

/**
 * The fields changed both here and elsewhere (another tab, another person) while the applicant typed: each with
 * « Votre saisie » and « Version enregistrée », one choice per field, then « Enregistrer mes choix ». Nothing is
 * saved until every field has its choice. The alert takes the focus when it appears.
 */
export function ConflictChoice({ conflicts, onResolve }: { conflicts: ConflictView[]; onResolve: (choices: Map<string, Choice>) => void }) {
  const [choices, setChoices] = useState(new Map<string, Choice>());
  const [missing, setMissing] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (conflicts.some((c) => !choices.has(c.pointer))) return setMissing(true);
    onResolve(choices);
  };

  return (
    <section className="fr-mb-4w" aria-labelledby="conflit-titre">
      <div className="fr-alert fr-alert--warning fr-mb-3w">
        <h2 className="fr-alert__title" id="conflit-titre" tabIndex={-1} ref={title}>
          Votre demande a été modifiée ailleurs pendant votre saisie
        </h2>
        <p>
          {conflicts.length > 1 ? `${conflicts.length} champs ont été changés` : 'Un champ a été changé'} ici et dans un autre onglet ou par une autre personne. Choisissez la
          version à garder pour {conflicts.length > 1 ? 'chacun' : 'ce champ'}, puis enregistrez. Vos autres saisies sont conservées.
        </p>
      </div>
      <form id="conflit" onSubmit={submit} noValidate>
        {conflicts.map((c, i) => {
          const error = missing && !choices.has(c.pointer);
          const name = `conflit-${i}`;
          return (
            <fieldset key={c.pointer} className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} aria-labelledby={`${name}-legende${error ? ` ${name}-erreur` : ''}`}>
              <legend className="fr-fieldset__legend" id={`${name}-legende`}>
                {c.label}
              </legend>
              {(['mine', 'theirs'] as const).map((side) => (
                <div className="fr-fieldset__element" key={side}>
                  <div className="fr-radio-group">
                    <input
                      type="radio"
                      id={`${name}-${side}`}
                      name={name}
                      checked={choices.get(c.pointer) === side}
                      onChange={() => setChoices(new Map(choices).set(c.pointer, side))}
                    />
                    <label className="fr-label" htmlFor={`${name}-${side}`}>
                      {side === 'mine' ? 'Votre saisie' : 'Version enregistrée'}
                      <span className="fr-hint-text datapass-conflict-value">{side === 'mine' ? c.mine : c.theirs}</span>
                    </label>
                  </div>
                </div>
              ))}
              {error ? (
                <div className="fr-messages-group" id={`${name}-erreur`} aria-live="assertive">
                  <p className="fr-message fr-message--error">Choisissez la version à garder.</p>
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <button type="submit" className="fr-btn">
          Enregistrer mes choix
        </button>
      </form>
    </section>
  );
}
