/** The truthy class names, space-separated. */
export function classNames(...names: (string | false | null | undefined | 0)[]): string {
  return names.filter(Boolean).join(' ');
}
