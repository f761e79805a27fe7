import busboy from 'busboy';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { toPointer } from '../../engine/index.js';
import { HttpError } from '../http/HttpError.js';
import { MAX_FILE_BYTES, MAX_FILES, MAX_UPLOAD_BODY_BYTES } from './uploadLimits.js';

/** One received file, in memory (at most 10 MB, six per request). */
export interface ReceivedFile {
  filename: string;
  content: Buffer;
}

/** What an upload's body holds once read whole and within every limit. */
export interface ReceivedUpload {
  field: string;
  files: ReceivedFile[];
}

const FIELD_NAME = 'field';
const FILES_NAME = 'files';
const MAX_FIELD_VALUE = 1000;

/** A form field's name as a JSON pointer segment (RFC 6901), cut to a readable length. */
const pointerTo = (name: string) => toPointer([name.slice(0, 100)]);

const tooLarge = (detail: string, pointer?: string) => HttpError.of(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', detail, pointer);
const malformed = (detail: string) => HttpError.of(400, 'MULTIPART_INVALID', 'Invalid multipart body', detail);

/** busboy's parse errors, in the words of someone who sent the form. */
function parseError(error: Error): HttpError {
  if (/Unexpected end of (form|file)/.test(error.message)) return malformed('Le corps multipart est incomplet : l’envoi a été interrompu avant la fin du formulaire. Renvoyez les fichiers.');
  if (/Malformed part header/.test(error.message)) return malformed('Le corps multipart a un en-tête de partie illisible.');
  return malformed(`Le corps multipart est illisible (${error.message}).`);
}

/** How long a refused upload's connection stays half-open, unread, so that the client reads the answer. */
const LINGER_MS = 1000;

/**
 * Answer now and close the connection, rather than read (or let Node drain) what the client still sends.
 * Node destroys a `Connection: close` socket as soon as the answer is written; with the client's bytes still
 * arriving that sends a TCP reset, which can make the client drop the answer unread. So the socket is closed
 * gently instead: the answer, then FIN, nothing more read (flow control holds the client back), then destroyed.
 */
export function refuseAndClose(req: Request, res: Response, next: NextFunction, error: unknown): void {
  req.unpipe();
  req.pause();
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  res.setHeader('connection', 'close');
  next(error);
}

const bodyTooLarge = () => tooLarge(`L’envoi dépasse ${MAX_FILES} fichiers de 10 Mo : envoyez moins de fichiers ou des fichiers plus légers.`);

/**
 * What an upload's headers must say before its body is read: a `multipart/form-data` body no
 * larger (by its Content-Length, when declared) than the largest acceptable upload. Refused before a byte of
 * the body is read.
 */
export function checkUploadHeaders(req: Request, res: Response, next: NextFunction): void {
  if (!req.is('multipart/form-data')) {
    return refuseAndClose(req, res, next, HttpError.of(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Envoyez les fichiers en multipart/form-data : un champ « field » (le champ du formulaire) et les fichiers dans « files ».'));
  }
  if (Number(req.get('content-length')) > MAX_UPLOAD_BODY_BYTES) return refuseAndClose(req, res, next, bodyTooLarge());
  next();
}

/**
 * Read an upload's `multipart/form-data` body (a text field `field`, files under `files`), refusing as soon as
 * a limit is passed: a body that passes one while it streams gets its answer at once, the connection then
 * closed instead of reading the rest. Every refusal is a 4xx in the API's error shape. Puts `res.locals.upload`.
 */
export function receiveUpload(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let settled = false;
    let received = 0;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_UPLOAD_BODY_BYTES) refuse(bodyTooLarge());
    };
    const refuse = (error: HttpError) => {
      if (settled) return;
      settled = true;
      req.off('data', count);
      refuseAndClose(req, res, next, error);
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // busboy reports a limit when it is reached, so one more byte than allowed.
        limits: { fileSize: MAX_FILE_BYTES + 1, files: MAX_FILES, fields: 1, fieldSize: MAX_FIELD_VALUE + 1, parts: MAX_FILES + 2, headerPairs: 20 },
      });
    } catch (error) {
      return refuse(malformed(`L’en-tête Content-Type ne permet pas de lire le corps multipart : ${/boundary/i.test((error as Error).message) ? 'il lui manque le délimiteur (boundary).' : (error as Error).message}`));
    }

    const upload: ReceivedUpload = { field: '', files: [] };
    let pending = 0;
    let ended = false;
    const finish = () => {
      if (settled || !ended || pending > 0) return;
      settled = true;
      req.off('data', count);
      res.locals.upload = upload;
      next();
    };

    req.on('data', count);
    parser.on('field', (name, value, info) => {
      if (name !== FIELD_NAME) return refuse(HttpError.of(422, 'UNEXPECTED_FIELD', 'Unexpected field', `Le champ « ${name.slice(0, 100)} » n’est pas attendu : envoyez seulement « ${FIELD_NAME} » et les fichiers dans « ${FILES_NAME} ».`, pointerTo(name)));
      if (info.valueTruncated) return refuse(HttpError.of(422, 'FIELD_TOO_LARGE', 'Field too large', `Le champ « ${FIELD_NAME} » dépasse ${MAX_FIELD_VALUE} caractères.`, `/${FIELD_NAME}`));
      upload.field = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== FILES_NAME) {
        stream.resume();
        return refuse(HttpError.of(422, 'UNEXPECTED_FIELD', 'Unexpected field', `Les fichiers s’envoient dans le champ « ${FILES_NAME} », pas dans « ${name.slice(0, 100)} ».`, pointerTo(name)));
      }
      const index = upload.files.length;
      const file: ReceivedFile = { filename: info.filename ?? '', content: Buffer.alloc(0) };
      upload.files.push(file);
      const chunks: Buffer[] = [];
      pending++;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => refuse(tooLarge(`« ${file.filename} » dépasse 10 Mo.`, `/${FILES_NAME}/${index}`)));
      stream.on('error', (error) => refuse(parseError(error)));
      stream.on('end', () => {
        file.content = Buffer.concat(chunks);
        pending--;
        finish();
      });
    });
    parser.on('filesLimit', () => refuse(HttpError.of(422, 'TOO_MANY_FILES', 'Too many files', `Envoyez au plus ${MAX_FILES} fichiers, dans le champ « ${FILES_NAME} ».`, `/${FILES_NAME}`)));
    parser.on('fieldsLimit', () => refuse(HttpError.of(422, 'TOO_MANY_FIELDS', 'Too many fields', `Envoyez un seul champ « ${FIELD_NAME} » et les fichiers dans « ${FILES_NAME} ».`)));
    parser.on('partsLimit', () => refuse(HttpError.of(422, 'TOO_MANY_FILES', 'Too many files', `Envoyez au plus ${MAX_FILES} fichiers, dans le champ « ${FILES_NAME} ».`, `/${FILES_NAME}`)));
    parser.on('error', (error: Error) => refuse(parseError(error)));
    parser.on('close', () => {
      ended = true;
      finish();
    });
    // A client that goes away leaves nothing to answer.
    req.on('aborted', () => {
      settled = true;
    });
    req.pipe(parser);
  };
}
