/** A deep copy of plain JSON data; members holding `undefined` are dropped, as JSON drops them. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
