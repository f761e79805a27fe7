import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FormatDefinition } from './FormatDefinition.js';

/**
 * The standard formats of ajv-formats ("full" mode), with French messages. `email` and `url` are left out:
 * the domain formats of the same names replace them (see emailFormat.ts, urlFormat.ts).
 */
const STANDARD: Record<string, { message: string; description: string }> = {
  date: { message: 'doit être une date au format AAAA-MM-JJ', description: 'RFC 3339 full-date, e.g. 2024-03-12 (the day must exist).' },
  time: { message: 'doit être une heure au format HH:MM:SS avec fuseau horaire', description: 'RFC 3339 time with a time zone, e.g. 14:30:00Z or 14:30:00+01:00.' },
  'date-time': { message: 'doit être une date et une heure au format AAAA-MM-JJTHH:MM:SS avec fuseau horaire', description: 'RFC 3339 date-time with a time zone, e.g. 2024-03-12T14:30:00Z.' },
  'iso-time': { message: 'doit être une heure au format HH:MM:SS', description: 'ISO 8601 time, the time zone optional.' },
  'iso-date-time': { message: 'doit être une date et une heure au format AAAA-MM-JJ HH:MM:SS', description: 'ISO 8601 date-time, `T` or a space between date and time, the time zone optional.' },
  duration: { message: 'doit être une durée ISO 8601 (par exemple P3M pour trois mois)', description: 'ISO 8601 duration, e.g. P1Y, P3M, PT2H.' },
  uri: { message: 'doit être une adresse (URI) complète, avec son protocole', description: 'RFC 3986 absolute URI, scheme required (prefer `url` for web links).' },
  'uri-reference': { message: "doit être une référence d'URI valide", description: 'RFC 3986 URI or relative reference.' },
  'uri-template': { message: "doit être un modèle d'URI valide", description: 'RFC 6570 URI template.' },
  hostname: { message: 'doit être un nom de domaine valide', description: 'RFC 1123 host name.' },
  ipv4: { message: 'doit être une adresse IPv4 valide', description: 'Dotted-quad IPv4 address.' },
  ipv6: { message: 'doit être une adresse IPv6 valide', description: 'RFC 4291 IPv6 address.' },
  regex: { message: 'doit être une expression régulière valide', description: 'A regular expression JavaScript can compile.' },
  uuid: { message: 'doit être un identifiant UUID valide', description: 'RFC 4122 UUID, optionally prefixed by urn:uuid:.' },
  'json-pointer': { message: 'doit être un pointeur JSON valide', description: 'RFC 6901 JSON pointer, e.g. /legal/cadre_juridique_url.' },
  'json-pointer-uri-fragment': { message: "doit être un pointeur JSON (fragment d'URI) valide", description: 'RFC 6901 JSON pointer as a URI fragment, e.g. #/legal.' },
  'relative-json-pointer': { message: 'doit être un pointeur JSON relatif valide', description: 'Relative JSON pointer, e.g. 1/begin.' },
  byte: { message: 'doit être un contenu encodé en base64', description: 'Base64-encoded data (OpenAPI `byte`).' },
  int32: { message: 'doit être un nombre entier sur 32 bits', description: 'A number that is a signed 32-bit integer (OpenAPI).' },
  int64: { message: 'doit être un nombre entier sur 64 bits', description: 'A number that is a safe signed 64-bit integer (OpenAPI).' },
  float: { message: 'doit être un nombre', description: 'Any number (OpenAPI `float`).' },
  double: { message: 'doit être un nombre', description: 'Any number (OpenAPI `double`).' },
  password: { message: 'est invalide', description: 'Annotation only (OpenAPI): any string passes; tells the form to mask the input.' },
  binary: { message: 'est invalide', description: 'Annotation only (OpenAPI): any string passes.' },
};

type AjvFormat = RegExp | ((value: string) => boolean) | true | { type?: 'string' | 'number'; validate: RegExp | ((value: never) => boolean); compare?: (a: never, b: never) => number | undefined };

/** ajv-formats' definitions as engine format definitions, so they go through the same registry as ours. */
export const STANDARD_FORMATS: FormatDefinition[] = Object.entries(STANDARD).map(([name, text]) => {
  const source = (fullFormats as unknown as Record<string, AjvFormat>)[name];
  if (source === undefined) throw new Error(`ajv-formats has no "${name}" format`);
  const base = { name, ...text };
  if (source === true) return { ...base, validate: () => true };
  if (source instanceof RegExp || typeof source === 'function') return { ...base, validate: source as FormatDefinition['validate'] };
  return {
    ...base,
    validate: source.validate,
    ...(source.type ? { type: source.type } : {}),
    ...(source.compare ? { compare: source.compare } : {}),
  };
});
