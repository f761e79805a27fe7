import type { ErrorObject } from 'ajv';
import localizeModule from 'ajv-i18n/localize/fr/index.js';
import { getFormat } from '../formats/formatRegistry.js';

type Localize = (errors?: ErrorObject[] | null) => void;
// ajv-i18n is CommonJS without a `default` property at run time, whatever its typings say.
const localizeFr: Localize = ((localizeModule as unknown as { default?: Localize }).default ?? localizeModule) as unknown as Localize;

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'vrai ou faux',
  object: 'un ensemble de champs',
  array: 'une liste',
  null: 'vide',
};

const plural = (n: unknown, word: string) => `${n} ${word}${Number(n) > 1 ? 's' : ''}`;

/** A value quoted for a message: strings and numbers as they are, anything else as JSON. */
export function quote(value: unknown): string {
  return `« ${typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value)} »`;
}

/**
 * What is wrong with a value, in French, as the end of a sentence that starts with the field's label
 * (`doit être un nombre entier`). ajv-i18n's French text for the keywords without a phrase of their own.
 */
export function frenchPhrase(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'est obligatoire';
    case 'type':
      return `doit être ${String(p.type).split(',').map((t) => TYPES[t] ?? t).join(' ou ')}`;
    case 'format':
      return getFormat(String(p.format))?.message ?? `n'est pas au format « ${p.format} »`;
    case 'pattern':
      return "n'est pas au format attendu";
    case 'enum':
      return typeof e.data === 'string' || typeof e.data === 'number'
        ? `doit être l'une des valeurs proposées (${quote(e.data)} n'en fait pas partie)`
        : "doit être l'une des valeurs proposées";
    case 'const':
      return p.allowedValue === true ? 'doit être coché' : p.allowedValue === false ? 'ne doit pas être coché' : `doit valoir ${quote(p.allowedValue)}`;
    case 'minLength':
      return `doit contenir au moins ${plural(p.limit, 'caractère')}`;
    case 'maxLength':
      return `ne doit pas dépasser ${plural(p.limit, 'caractère')}`;
    case 'minItems':
      return `doit contenir au moins ${plural(p.limit, 'élément')}`;
    case 'maxItems':
      return `ne doit pas contenir plus de ${plural(p.limit, 'élément')}`;
    case 'minimum':
      return `doit être supérieur ou égal à ${p.limit}`;
    case 'maximum':
      return `doit être inférieur ou égal à ${p.limit}`;
    case 'exclusiveMinimum':
      return `doit être supérieur à ${p.limit}`;
    case 'exclusiveMaximum':
      return `doit être inférieur à ${p.limit}`;
    case 'multipleOf':
      return `doit être un multiple de ${p.multipleOf}`;
    case 'uniqueItems':
      return 'ne doit pas contenir deux fois la même valeur';
    case 'formatMinimum':
      return `ne doit pas être antérieur à ${quote(p.limit)}`;
    case 'formatExclusiveMinimum':
      return `doit être postérieur à ${quote(p.limit)}`;
    case 'formatMaximum':
      return `ne doit pas être postérieur à ${quote(p.limit)}`;
    case 'formatExclusiveMaximum':
      return `doit être antérieur à ${quote(p.limit)}`;
    case 'false schema':
      return 'ne doit pas être renseigné';
    case 'not':
      return "n'est pas une valeur acceptée";
    case 'contains':
      return 'doit contenir au moins un élément valide';
    case 'propertyNames':
      return 'contient un nom de champ invalide';
    default: {
      const copy = { ...e };
      localizeFr([copy]);
      return copy.message ?? 'est invalide';
    }
  }
}

/** End a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
