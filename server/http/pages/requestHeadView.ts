import type { Definition } from '../../../engine/index.js';
import type { StoredRequest } from '../../db/repositories/requests.js';

/** A request's title: the project name of its `basic_infos` step, when it has one. */
export function requestTitle(row: Pick<StoredRequest, 'data'>): string | null {
  const title = (row.data.basic_infos as { intitule?: unknown } | undefined)?.intitule;
  return typeof title === 'string' ? title : null;
}

/** What a request's pages show at their top (`RequestHead`), with the version their forms post back. */
export function requestHeadView(definition: Definition, row: StoredRequest) {
  return {
    id: row.publicId,
    version: row.version,
    state: row.state,
    stateLabel: definition.workflow.states[row.state]?.label ?? row.state,
    title: requestTitle(row),
    definitionName: definition.meta.name,
    useCaseTitle: definition.meta.use_cases.find((u) => u.id === row.useCaseId)?.title,
    reopening: row.reopening,
  };
}
