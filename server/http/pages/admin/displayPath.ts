import { isAbsolute, relative, resolve } from 'node:path';

/** A path of the server's disk as people read it: relative to the working directory when inside it, else absolute. */
export function displayPath(path: string): string {
  const absolute = resolve(path);
  const inside = relative(process.cwd(), absolute);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : absolute;
}
