import { segmentsFromPointer } from './jsonPointer.js';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** The node a local `$ref` (`#/…`) points at in `rootSchema`. */
export function resolveLocalRef(rootSchema: object, ref: string): Node | undefined {
  if (!ref.startsWith('#')) return undefined;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref);
  } catch {
    return undefined; // a malformed %-escape points at nothing
  }
  let node: unknown = rootSchema;
  for (const segment of segmentsFromPointer(pointer)) {
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    node = (node as Node)[segment];
  }
  return isNode(node) ? node : undefined;
}
