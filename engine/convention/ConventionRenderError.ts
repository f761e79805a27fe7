/**
 * A convention that cannot be rendered for this data: the template reads a value the data does not have
 * (strict mode), or a helper or partial failed. It names the template file (the definition's convention.hbs,
 * a shared partial or the generic convention) and, when Handlebars knows it, the line and column.
 * `message` is French (shown to people), `englishMessage` the same in English (logs, `datapass check`).
 */
export class ConventionRenderError extends Error {
  override readonly name = 'ConventionRenderError';
  /** `missing_value`: a bare `{{…}}` read a value absent from the data; `failure`: anything else. */
  readonly kind: 'missing_value' | 'failure';
  /** The template file, as shown to people: `definitions/x/convention.hbs`, `templates/partials/purpose.hbs`… */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The variable as written in the template (`data.legal.cadre_juridique_url`), for a missing value. */
  readonly variable: string | undefined;
  /** For an error inside a partial: the template that called it (e.g. the definition's convention.hbs). */
  readonly calledFrom: string | undefined;
  readonly englishMessage: string;
  private readonly details: ConventionRenderErrorDetails;

  constructor(details: ConventionRenderErrorDetails) {
    const at = `${details.file}${details.line ? `:${details.line}:${details.column ?? 1}` : ''}`;
    const place = details.calledFrom ? `${at}, appelé depuis ${details.calledFrom}` : at;
    const placeEn = details.calledFrom ? `${at}, called from ${details.calledFrom}` : at;
    const why = summary(details.cause);
    const french =
      details.kind === 'missing_value'
        ? `Le modèle de convention lit « ${details.variable} », absent des données (${place}).`
        : `Le modèle de convention n’a pas pu être rendu (${place}) : ${why}.`;
    const english =
      details.kind === 'missing_value'
        ? `The convention template reads "${details.variable}", which the data does not have (${placeEn}).`
        : `The convention template could not be rendered (${placeEn}): ${why}.`;
    super(french, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.variable = details.variable;
    this.calledFrom = details.calledFrom;
    this.englishMessage = english;
    this.details = details;
  }

  /** The same error, saying which template called the partial it happened in. */
  calledBy(file: string): ConventionRenderError {
    return this.calledFrom || file === this.file ? this : new ConventionRenderError({ ...this.details, calledFrom: file });
  }
}

interface ConventionRenderErrorDetails {
  kind: 'missing_value' | 'failure';
  file: string;
  line?: number;
  column?: number;
  variable?: string;
  calledFrom?: string;
  cause?: unknown;
}

/** The cause on one line: Handlebars' parse errors span lines (the source, a caret, what was expected). */
function summary(cause: unknown): string {
  const lines = (cause instanceof Error ? cause.message : String(cause ?? '')).split('\n').filter((l) => l.trim());
  const text = lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? '');
  return text.replace(/ - \d+:\d+$/, '').replace(/[.:]$/, '');
}
