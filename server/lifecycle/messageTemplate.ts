import { templateVariables } from './templateVariables.js';

/** The variables a message template may use, with what each becomes. */
export const TEMPLATE_VARIABLES: Record<string, string> = {
  lien: 'le lien de la demande pour le demandeur',
  numero: 'le numéro de la demande (D123)',
  titre: 'le nom du projet',
  organisation: 'le nom de l’organisation',
  habilitation: 'le nom de l’habilitation demandée',
};

/** The events a template can word, with their label on the managers' page. */
export const TEMPLATE_EVENTS: Record<string, string> = {
  refuse: 'Refus',
  request_changes: 'Demande de modifications',
  approve: 'Validation',
};

/** The variables of `body` that do not exist, so a manager learns of a typo when saving, not an applicant when reading. */
export function unknownVariables(body: string): string[] {
  // Own keys only: `{{constructor}}` is not a variable (it was, through Object.prototype, and filled as code).
  return templateVariables(body).map((v) => v.name).filter((name) => !Object.hasOwn(TEMPLATE_VARIABLES, name));
}

/** The template with its variables replaced (plain text: the page escapes it where it is shown). */
export function fillTemplate(body: string, values: Record<keyof typeof TEMPLATE_VARIABLES, string>): string {
  let out = '';
  let at = 0;
  for (const v of templateVariables(body)) {
    out += body.slice(at, v.start) + (Object.hasOwn(values, v.name) ? values[v.name] : body.slice(v.start, v.end));
    at = v.end;
  }
  return out + body.slice(at);
}
