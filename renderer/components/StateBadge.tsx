const KINDS: Record<string, string> = {
  draft: 'fr-badge--info',
  changes_requested: 'fr-badge--warning',
  submitted: 'fr-badge--new',
  validated: 'fr-badge--success',
  refused: 'fr-badge--error',
  revoked: 'fr-badge--error',
  archived: '',
};

/** A request's state as a DSFR badge, coloured by what it means for the applicant. */
export function StateBadge({ state, label }: { state: string; label: string }) {
  return <p className={`fr-badge fr-badge--sm ${KINDS[state] ?? ''}`.trim()}>{label}</p>;
}
