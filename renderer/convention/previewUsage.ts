/** `datapass preview`'s line in the CLI's usage (a module of its own, so the usage loads no PDF library). */
export const PREVIEW_USAGE = `  preview <definition> [--example name] [--format html|pdf] [--out file]
                          Render the definition's convention with one of its valid examples (default: the
                          first), as a standalone HTML document (default) or a PDF, to --out or stdout.
                          <definition> is a folder, or an id looked up in ./definitions.`;
