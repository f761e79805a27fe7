/** Nothing: each page brings its own buttons as children of the form. */
export function SubmitButton() {
  return null;
}
