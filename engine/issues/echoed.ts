/**
 * A value from the input quoted in a French message, cut at `max` characters: a refusal names what it refuses,
 * but a megabyte-long identifier must not come back as a megabyte-long error.
 */
export function echoed(value: string, max = 100): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
