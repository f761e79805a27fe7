export interface StepperStep {
  title: string;
  /** Every rule of the step holds: only then is it drawn done. */
  done: boolean;
}

/**
 * The DSFR stepper (title, « Étape N sur M », next step), its bar drawn one segment per step so that a step is
 * shown done only when it is valid, whatever its place: the DSFR's own bar fills every step before the
 * current one. Each segment says its state to screen readers.
 */
export function Stepper({ steps, current }: { steps: StepperStep[]; current: number }) {
  const step = steps[current]!;
  const following = steps[current + 1];
  const stateOf = (s: StepperStep, i: number) => (i === current ? 'current' : s.done ? 'done' : 'todo');
  const words = { current: 'en cours', done: 'complète', todo: 'à compléter' } as const;
  return (
    <div className="fr-stepper">
      <h2 className="fr-stepper__title">
        {step.title}
        <span className="fr-stepper__state">
          Étape {current + 1} sur {steps.length}
        </span>
      </h2>
      <ol className="datapass-stepper-steps" aria-label="Avancement de la demande">
        {steps.map((s, i) => (
          <li key={i} className={`datapass-stepper-steps__step datapass-stepper-steps__step--${stateOf(s, i)}`} data-state={stateOf(s, i)} {...(i === current ? { 'aria-current': 'step' as const } : {})}>
            <span className="fr-sr-only">{`Étape ${i + 1} : ${s.title}, ${words[stateOf(s, i)]}`}</span>
          </li>
        ))}
      </ol>
      <p className="fr-stepper__details">
        <span className="fr-text--bold">Étape suivante :</span> {following ? following.title : 'Récapitulatif et envoi'}
      </p>
    </div>
  );
}
