/** What the French message of a failed keyword may quote from its schema. */
export interface KeywordFailure {
  keyword: string;
  /** The schema object holding the keyword, when it could be found. */
  schema?: Record<string, unknown>;
  /** @cfworker/json-schema's own (English) message, the last resort. */
  fallback: string;
}

const FORMATS: Record<string, string> = {
  email: 'Saisissez une adresse électronique valide (nom@domaine.fr).',
  uri: 'Saisissez une adresse web valide (https://…).',
  url: 'Saisissez une adresse web valide (https://…).',
  date: 'Saisissez une date valide.',
  'date-time': 'Saisissez une date et une heure valides.',
  time: 'Saisissez une heure valide.',
};

function plural(count: unknown, one: string, many: string): string {
  return `${String(count)} ${Number(count) > 1 ? many : one}`;
}

/** A French sentence for one failed keyword, quoting the limit the schema sets. */
export function frenchMessage({ keyword, schema, fallback }: KeywordFailure): string {
  const value = schema?.[keyword];
  switch (keyword) {
    case 'required':
      return 'Ce champ est obligatoire.';
    case 'minLength':
      return `Saisissez au moins ${plural(value, 'caractère', 'caractères')}.`;
    case 'maxLength':
      return `Saisissez au plus ${plural(value, 'caractère', 'caractères')}.`;
    case 'minimum':
      return `Saisissez une valeur supérieure ou égale à ${String(value)}.`;
    case 'exclusiveMinimum':
      return `Saisissez une valeur supérieure à ${String(value)}.`;
    case 'maximum':
      return `Saisissez une valeur inférieure ou égale à ${String(value)}.`;
    case 'exclusiveMaximum':
      return `Saisissez une valeur inférieure à ${String(value)}.`;
    case 'multipleOf':
      return `Saisissez un multiple de ${String(value)}.`;
    case 'minItems':
      return `Choisissez au moins ${plural(value, 'élément', 'éléments')}.`;
    case 'maxItems':
      return `Choisissez au plus ${plural(value, 'élément', 'éléments')}.`;
    case 'uniqueItems':
      return 'Chaque élément ne peut être choisi qu’une fois.';
    case 'format':
      return FORMATS[String(value)] ?? 'Le format de ce champ n’est pas valide.';
    case 'pattern':
      return 'Le format de ce champ n’est pas valide.';
    case 'type':
      return 'La valeur de ce champ n’est pas du type attendu.';
    case 'enum':
    case 'const':
      return 'Choisissez l’une des valeurs proposées.';
    case 'anyOf':
      return 'Ce champ ne correspond à aucun des cas prévus.';
    case 'oneOf':
      return 'Ce champ doit correspondre à un seul des cas prévus.';
    case 'not':
      return 'Cette valeur n’est pas autorisée.';
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return 'La liste ne contient pas les éléments attendus.';
    case 'false':
    case 'additionalProperties':
      return 'Ce champ n’est pas attendu.';
    case 'dependencies':
    case 'dependentRequired':
      return 'Ce champ est obligatoire.';
    default:
      return fallback;
  }
}
