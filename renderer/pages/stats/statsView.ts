/** What the statistics pages show, as the server gives it (durations in seconds, instants in ISO 8601). */

export interface DurationView {
  /** `submission`, `firstAnswer` or `decision` (see DURATION_TEXTS). */
  kind: string;
  count: number;
  median?: number | undefined;
  p80?: number | undefined;
}

export interface StatsView {
  /** The definitions of the filter, by name. */
  definitions: { id: string; name: string }[];
  /** The definition the figures are restricted to, if any. */
  selected?: { id: string; name: string } | undefined;
  /** The durations count the requests that reached the duration's end since then. */
  durationsSince: string;
  /** Requests per state, in the workflow's order, every request counted. */
  byState: { state: string; label: string; count: number }[];
  /** Without a definition chosen: each definition's requests per state (`states` gives the columns). */
  byDefinition?: { id: string; name: string; total: number; byState: Record<string, number> }[] | undefined;
  states: { id: string; label: string }[];
  durations: DurationView[];
  /** Without a definition chosen: each definition's durations. */
  durationsByDefinition?: { id: string; name: string; durations: DurationView[] }[] | undefined;
  /** Requests awaiting a decision at the end of each week. */
  backlog: { weekStart: string; at: string; awaiting: number; submitted: number; decided: number }[];
}

/** The durations' names and what they measure. */
export const DURATION_TEXTS: Record<string, { label: string; hint: string }> = {
  submission: { label: 'Création → première soumission', hint: 'le temps que le demandeur met à remplir et soumettre sa demande' },
  firstAnswer: { label: 'Soumission → première réponse', hint: 'jusqu’à la première demande de modifications, validation ou refus' },
  decision: { label: 'Soumission → décision', hint: 'jusqu’à la validation ou au refus, modifications demandées comprises' },
};
