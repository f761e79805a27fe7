import { toPointer } from '../../engine/index.js';
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

interface Node {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: Node | undefined;
}

const pathOf = (node: Node): (string | number)[] => {
  const keys: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) keys.unshift(n.key);
  return keys;
};

/** The first object or array found deeper than `max`, walked with an explicit stack (no recursion to overflow). */
function tooDeep(data: unknown, max: number): Node | undefined {
  const stack: Node[] = [{ value: data, depth: 1, key: undefined, parent: undefined }];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.depth > max) return node;
    const { value } = node;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (value[i] !== null && typeof value[i] === 'object') stack.push({ value: value[i], depth: node.depth + 1, key: i, parent: node });
    } else {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) if (child !== null && typeof child === 'object') stack.push({ value: child, depth: node.depth + 1, key, parent: node });
    }
  }
  return undefined;
}

/**
 * Refuse request data nested deeper than `REQUEST_DATA_MAX_DEPTH` (422, pointing at the first place too
 * deep) or heavier than `REQUEST_DATA_MAX_BYTES` once serialized (413), before the engine sees it.
 * `pointer` is where the data sits in the request body.
 */
export function checkRequestDataBounds(data: Record<string, unknown>, pointer = '/data'): void {
  const deep = tooDeep(data, REQUEST_DATA_MAX_DEPTH);
  if (deep) {
    throw HttpError.of(
      422,
      'DATA_TOO_DEEP',
      'Data nested too deep',
      `Les données de la demande imbriquent plus de ${REQUEST_DATA_MAX_DEPTH} niveaux d’objets ou de tableaux : aucun formulaire n’en demande autant.`,
      pointer + toPointer(pathOf(deep)),
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
