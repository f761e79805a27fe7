import { dateTimeFr } from '../format/frenchDates.js';

export interface TimelineEntry {
  label: string;
  actor: string;
  at: string;
  reason?: string | undefined;
  /** What the event did beyond its label, e.g. who a transfer moved the request from and to. */
  detail?: string | undefined;
}

/** A request's history, newest first: each event, who fired it, when, and its reason. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section className="fr-mb-4w" aria-labelledby="titre-historique">
      <h2 id="titre-historique">Historique</h2>
      <ol className="datapass-timeline">
        {entries.map((entry, i) => (
          <li key={i}>
            <p className="fr-mb-0">
              <strong>{entry.label}</strong> par {entry.actor}
            </p>
            <p className="fr-text--sm fr-mb-0">{dateTimeFr(entry.at)}</p>
            {entry.detail ? <p className="fr-text--sm fr-mb-0">{entry.detail}</p> : null}
            {entry.reason ? <blockquote className="fr-text--sm">« {entry.reason} »</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
