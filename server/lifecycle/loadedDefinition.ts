import type { Definition } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import { HttpError } from '../http/HttpError.js';

/** The loaded definition of a stored request; 503 while the platform does not have it. */
export function loadedDefinition(ctx: AppContext, id: string): Definition {
  const definition = ctx.registry.definitions.get(id);
  if (!definition) throw HttpError.of(503, 'DEFINITION_UNAVAILABLE', 'Definition unavailable', `Le type d’habilitation « ${id} » n’est pas chargé sur la plateforme : réessayez plus tard.`);
  return definition;
}
