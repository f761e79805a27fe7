import { toPointer } from '../../engine/index.js';
import { findInJson } from './findInJson.js';
import { HttpError } from './HttpError.js';

/**
 * The deepest nesting of objects and arrays in a request's data. The real definitions need 4 levels (a step,
 * a block, a list of documents, a document reference); 32 leaves room for any form a definition can
 * reasonably describe, while every recursive walk of the data (validation, diffs, conventions) stays shallow.
 */
export const REQUEST_DATA_MAX_DEPTH = 32;
/**
 * The largest request data, serialized as UTF-8 JSON: 1 MiB. The real examples weigh about 2 kB; files are
 * stored apart (the data only holds their references), and even a hundred texts of 10,000 characters fit.
 */
export const REQUEST_DATA_MAX_BYTES = 1024 * 1024;

/**
 * Refuse request data nested deeper than `REQUEST_DATA_MAX_DEPTH` (422, pointing at the first place too
 * deep) or heavier than `REQUEST_DATA_MAX_BYTES` once serialized (413), before the engine sees it.
 * `pointer` is where the data sits in the request body.
 */
export function checkRequestDataBounds(data: Record<string, unknown>, pointer = '/data'): void {
  const deep = findInJson(data, (value, _key, depth) => depth > REQUEST_DATA_MAX_DEPTH && value !== null && typeof value === 'object');
  if (deep) {
    throw HttpError.of(
      422,
      'DATA_TOO_DEEP',
      'Data nested too deep',
      `Les données de la demande imbriquent plus de ${REQUEST_DATA_MAX_DEPTH} niveaux d’objets ou de tableaux : aucun formulaire n’en demande autant.`,
      pointer + toPointer(deep),
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(data));
  if (bytes > REQUEST_DATA_MAX_BYTES) {
    throw HttpError.of(
      413,
      'DATA_TOO_LARGE',
      'Data too large',
      `Les données de la demande pèsent ${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo : ${REQUEST_DATA_MAX_BYTES / (1024 * 1024)} Mo au plus. Les fichiers se joignent comme documents, pas dans les données.`,
      pointer,
    );
  }
}
