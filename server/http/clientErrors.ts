import { HttpError } from './HttpError.js';

/** What express's body parsers, router and static files attach to the errors they raise (http-errors). */
interface LibraryError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  charset?: string;
  encoding?: string;
  limit?: number;
  code?: string;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`.replace('.', ',');
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} ko`;
const sizeOf = (bytes: number | undefined) => (bytes === undefined ? '' : ` (${bytes >= 1024 * 1024 ? megabytes(bytes) : kilobytes(bytes)} au plus)`);

/** The French answer to each kind of malformed request that the libraries under the app detect. */
function fromLibrary(e: LibraryError, status: number): HttpError {
  switch (e.type) {
    case 'entity.parse.failed':
      return HttpError.of(400, 'JSON_INVALID', 'Invalid JSON', 'Le corps de la requête n’est pas du JSON valide (un objet ou un tableau, en UTF-8).', '');
    case 'entity.too.large':
      return HttpError.of(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', `Le corps de la requête est trop volumineux${sizeOf(e.limit)}.`, '');
    case 'parameters.too.many':
      return HttpError.of(413, 'TOO_MANY_PARAMETERS', 'Too many form fields', 'Le formulaire envoyé a trop de champs.', '');
    case 'charset.unsupported':
      return HttpError.of(415, 'CHARSET_UNSUPPORTED', 'Unsupported charset', `Le jeu de caractères « ${e.charset ?? '?'} » (Content-Type) n’est pas accepté : envoyez le corps en UTF-8.`, '');
    case 'encoding.unsupported':
      return HttpError.of(415, 'CONTENT_ENCODING_UNSUPPORTED', 'Unsupported content encoding', `L’encodage « ${e.encoding ?? '?'} » (Content-Encoding) n’est pas accepté : gzip, deflate, br ou aucun.`, '');
    case 'request.size.invalid':
      return HttpError.of(400, 'CONTENT_LENGTH_MISMATCH', 'Content length mismatch', 'La taille du corps reçu ne correspond pas à l’en-tête Content-Length.', '');
    case 'request.aborted':
      return HttpError.of(400, 'REQUEST_ABORTED', 'Request aborted', 'La requête a été interrompue avant la fin de son envoi.', '');
  }
  // A compressed body that does not inflate: zlib's errors, which body-parser wraps without a type.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return HttpError.of(400, 'CONTENT_ENCODING_INVALID', 'Corrupt compressed body', 'Le corps compressé de la requête est illisible (Content-Encoding) : il est tronqué ou corrompu.', '');
  }
  if (status === 404) return HttpError.of(404, 'NOT_FOUND', 'Not found', 'Ce fichier n’existe pas.');
  if (status === 405) return HttpError.of(405, 'METHOD_NOT_ALLOWED', 'Method not allowed', 'Cette adresse ne se lit qu’avec GET ou HEAD.');
  return HttpError.of(status, 'BAD_REQUEST', 'Bad request', 'La requête est mal formée.');
}

/**
 * The client's mistake behind an error, as the `HttpError` to answer, or undefined when the error is the
 * server's own (to log and answer 500). Libraries under the app (body parsers, the router's decoding of
 * path parameters, static files) raise plain errors with a 4xx status: without this, each became a 500.
 */
export function clientErrorOf(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (!error || typeof error !== 'object') return undefined;
  // The router decodes each path parameter with decodeURIComponent and marks the failure 400.
  if (error instanceof URIError && (error as LibraryError).status === 400) {
    return HttpError.of(400, 'PATH_INVALID', 'Malformed path', 'L’adresse demandée est mal encodée : un « % » y est suivi d’autre chose qu’un caractère UTF-8 encodé (%XX).');
  }
  const e = error as LibraryError;
  const status = e.status ?? e.statusCode;
  // `expose` is http-errors' mark of an error meant for the client; anything else is ours.
  if (typeof status !== 'number' || status < 400 || status >= 500 || e.expose !== true) return undefined;
  return fromLibrary(e, status);
}
