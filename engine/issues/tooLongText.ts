const frenchNumber = new Intl.NumberFormat('fr-FR');

/**
 * « Le motif ne peut pas dépasser 10 000 caractères (vous en avez saisi 12 345). »: the one French sentence
 * for every free text over its limit, in the engine (event reasons) and the server (messages, templates, names…).
 * `field` is the field's name with its article, capitalised (« Le motif », « Le nom du modèle »).
 */
export function tooLongText(field: string, max: number, length: number): string {
  return `${field} ne peut pas dépasser ${frenchNumber.format(max)} caractères (vous en avez saisi ${frenchNumber.format(length)}).`;
}
