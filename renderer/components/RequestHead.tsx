import { StateBadge } from './StateBadge.js';

export interface RequestHeadProps {
  id: string;
  title: string | null;
  definitionName: string;
  useCaseTitle?: string | undefined;
  state: string;
  stateLabel: string;
  reopening: boolean;
}

/** A request's heading as its pages show it: number and title, definition and use case, state. */
export function RequestHead(request: RequestHeadProps) {
  return (
    <>
      <h1>
        Demande {request.id}
        {request.title ? ` : ${request.title}` : ''}
      </h1>
      <p className="fr-text--lead">
        {request.definitionName}
        {request.useCaseTitle ? ` – ${request.useCaseTitle}` : ''}
      </p>
      <div className="fr-mb-3w">
        <StateBadge state={request.state} label={request.stateLabel} />
        {request.reopening ? <p className="fr-badge fr-badge--sm fr-ml-1w">Mise à jour d’une habilitation</p> : null}
      </div>
    </>
  );
}
