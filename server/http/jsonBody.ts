import express, { type RequestHandler } from 'express';
import { HttpError } from './HttpError.js';

/** The largest JSON body read: a request's data (1 MB at most, see requestDataBounds.ts) and its envelope. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/**
 * The deepest nesting of objects and arrays in a JSON body: twice the bound on a request's data, so that
 * data a little too deep still reaches the data check, which names where it is too deep.
 */
export const JSON_BODY_MAX_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * The byte offset where nesting first passes `max`, read from the UTF-8 bytes before any parsing: a loop,
 * not a recursion, skipping strings (whose bytes, in UTF-8, can hold no bracket of a multibyte character).
 * Invalid JSON may be misread here; JSON.parse refuses it next.
 */
function offsetBeyondDepth(bytes: Buffer, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      let end = i;
      for (;;) {
        end = bytes.indexOf(QUOTE, end + 1);
        if (end < 0) return undefined;
        let backslashes = 0;
        while (bytes[end - 1 - backslashes] === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return i;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return undefined;
}

/**
 * The JSON body parser: express.json's, refusing before parsing a body nested deeper than
 * `JSON_BODY_MAX_DEPTH`. Why before: V8's JSON.parse takes about 2 s on the 1,000,000 levels that fit
 * in 2 MB, and every recursive walk after it (validation, copies, serialization) would overflow the stack.
 * RFC 8259 asks for UTF-8 between systems; the byte scan relies on it, so other charsets get a 415.
 */
export function jsonBody(): RequestHandler {
  return express.json({
    limit: JSON_BODY_LIMIT,
    verify: (_req, _res, bytes, encoding) => {
      if (encoding !== 'utf-8') {
        throw HttpError.of(415, 'CHARSET_UNSUPPORTED', 'Unsupported charset', `Le jeu de caractères « ${encoding} » (Content-Type) n’est pas accepté pour du JSON : envoyez-le en UTF-8.`, '');
      }
      const offset = offsetBeyondDepth(bytes, JSON_BODY_MAX_DEPTH);
      if (offset !== undefined) {
        throw HttpError.of(400, 'JSON_TOO_DEEP', 'JSON nested too deep', `Le JSON envoyé imbrique plus de ${JSON_BODY_MAX_DEPTH} niveaux d’objets ou de tableaux (dépassé à l’octet ${offset}).`, '');
      }
    },
  });
}
