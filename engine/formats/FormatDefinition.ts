/**
 * A named format that schemas use as `"format": "<name>"`. Built-in and future formats alike are
 * registered through `registerFormat`, so the loader, ajv and the documentation all read one list.
 */
export interface FormatDefinition {
  name: string;
  /** The JSON type the format checks; values of another type pass, as JSON Schema says. Default `string`. */
  type?: 'string' | 'number';
  validate: RegExp | ((value: never) => boolean);
  /** Orders two valid values (dates, times), which enables `formatMinimum` and friends on this format. */
  compare?: (a: never, b: never) => number | undefined;
  /**
   * What the value must be, in French, as the end of a sentence that starts with the field's label:
   * `doit être un numéro SIRET valide` gives `« SIRET » doit être un numéro SIRET valide.`
   */
  message: string;
  /** What the format accepts, in English, for provider teams (definitions/_shared/README.md). */
  description: string;
}
