import type { NextFunction, Request, Response } from 'express';
import { toPointer } from '../../engine/index.js';
import { findInJson } from './findInJson.js';
import { HttpError } from './HttpError.js';

/** What makes a text unstorable: PostgreSQL's text and jsonb refuse NUL, and jsonb refuses a lone UTF-16 surrogate. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const flaw = (text: string): 'nul' | 'surrogate' | undefined => (text.includes('\0') ? 'nul' : LONE_SURROGATE.test(text) ? 'surrogate' : undefined);

function refusal(kind: 'nul' | 'surrogate', where: string, pointer?: string): HttpError {
  return kind === 'nul'
    ? HttpError.of(400, 'NUL_CHARACTER', 'NUL character', `${where} contient un caractère nul (U+0000, %00) qu’aucun texte ne peut contenir : retirez-le.`, pointer)
    : HttpError.of(400, 'TEXT_MALFORMED', 'Malformed text', `${where} contient un substitut UTF-16 isolé : ce texte est mal encodé, envoyez-le en UTF-8 valide.`, pointer);
}

/** The first text of `input` (its keys included) that cannot be stored, with its pointer. */
function firstFlaw(input: unknown): { kind: 'nul' | 'surrogate'; pointer: string } | undefined {
  let kind: 'nul' | 'surrogate' | undefined;
  const path = findInJson(input, (value, key) => {
    kind = (typeof key === 'string' ? flaw(key) : undefined) ?? (typeof value === 'string' ? flaw(value) : undefined);
    return kind !== undefined;
  });
  return path && kind ? { kind, pointer: toPointer(path) } : undefined;
}

/**
 * Refuse, as a 400 naming the place, a request whose path, query or body holds text no database column
 * can hold: a NUL character, or in JSON a lone surrogate (`"\ud800"`). Why here, once: such text reaches
 * SQL through any parameter, and PostgreSQL answers it with an error (a 500) where SQLite stores it.
 * Runs after the body parsers.
 */
export function storableText(req: Request, _res: Response, next: NextFunction): void {
  // The path is still percent-encoded here; its parameters are decoded once, so %00 is the only way to a NUL.
  if (/%00/.test(req.path)) return next(refusal('nul', 'L’adresse demandée'));
  const query = firstFlaw(req.query);
  if (query) return next(refusal(query.kind, `Le paramètre « ${query.pointer.slice(1)} » de l’adresse`, query.pointer));
  const body = firstFlaw(req.body);
  if (body) return next(refusal(body.kind, body.pointer ? `Le champ « ${body.pointer.slice(1)} »` : 'Le corps de la requête', body.pointer));
  next();
}
