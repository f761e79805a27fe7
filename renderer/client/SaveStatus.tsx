import { dateFr, dateTimeFr, hourFr } from '../format/frenchDates.js';

export type SaveState = { kind: 'saved'; at: string } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'failed'; message: string } | { kind: 'conflict' };

const sameDay = (a: string, b: string) => dateFr(a) === dateFr(b);

/** The autosave's status, announced politely to screen readers: « Enregistré à 14 h 32 ». */
export function SaveStatus({ state, now }: { state: SaveState; now: string }) {
  let text: string;
  let icon: string;
  switch (state.kind) {
    case 'saved':
      text = sameDay(state.at, now) ? `Enregistré à ${hourFr(state.at)}` : `Enregistré le ${dateTimeFr(state.at)}`;
      icon = 'fr-icon-check-line';
      break;
    case 'dirty':
      text = 'Modifications non enregistrées';
      icon = 'fr-icon-edit-line';
      break;
    case 'saving':
      text = 'Enregistrement…';
      icon = 'fr-icon-refresh-line';
      break;
    case 'failed':
      text = `Non enregistré : ${state.message}`;
      icon = 'fr-icon-warning-line';
      break;
    case 'conflict':
      text = 'Non enregistré : choisissez ci-dessous la version à garder des champs modifiés ailleurs.';
      icon = 'fr-icon-warning-line';
  }
  return (
    <p className={`fr-text--sm fr-mb-2w datapass-save-status ${icon} ${state.kind === 'failed' || state.kind === 'conflict' ? 'fr-error-text' : ''}`.trim()} role="status" aria-live="polite" id="statut-enregistrement">
      {text}
    </p>
  );
}
