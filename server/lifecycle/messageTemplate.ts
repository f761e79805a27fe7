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

const VARIABLE = /\{\{\s*([^}]*?)\s*\}\}/g;

/** The variables of `body` that do not exist, so a manager learns of a typo when saving, not an applicant when reading. */
export function unknownVariables(body: string): string[] {
  return [...body.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !(name in TEMPLATE_VARIABLES));
}

/** The template with its variables replaced (plain text: the page escapes it where it is shown). */
export function fillTemplate(body: string, values: Record<keyof typeof TEMPLATE_VARIABLES, string>): string {
  return body.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}
