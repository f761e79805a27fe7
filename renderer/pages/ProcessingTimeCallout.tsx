import { daysFr } from '../format/frenchDates.js';

export interface ProcessingTimeView {
  medianDays: number;
  count: number;
  months: number;
}

/** The estimated processing time, shown before starting: the median over the last months' decisions. */
export function ProcessingTimeCallout({ time }: { time: ProcessingTimeView | undefined }) {
  return (
    <div className="fr-callout fr-icon-time-line fr-mb-4w">
      <h2 className="fr-callout__title">Délai de traitement estimé</h2>
      {time ? (
        <p className="fr-callout__text">
          Environ <strong>{daysFr(time.medianDays)}</strong> entre l’envoi de la demande et la décision :{' '}
          {time.count > 1 ? `c’est la durée médiane des ${time.count} demandes traitées ces ${time.months} derniers mois.` : `c’est la durée de la seule demande traitée ces ${time.months} derniers mois.`}
        </p>
      ) : (
        <p className="fr-callout__text">Aucune demande n’a encore été traitée ces derniers mois : le délai ne peut pas encore être estimé.</p>
      )}
    </div>
  );
}
