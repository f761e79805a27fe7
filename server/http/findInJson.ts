interface Node {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: Node | undefined;
}

const pathOf = (node: Node): (string | number)[] => {
  const keys: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) keys.unshift(n.key);
  return keys;
};

/**
 * The path to the first value of parsed JSON (or of a parsed form) for which `found(value, key, depth)`
 * holds, or undefined. Depth first, in document order, with an explicit stack: input as deep as a client
 * sends cannot overflow the call stack. The root has depth 1 and no key.
 */
export function findInJson(root: unknown, found: (value: unknown, key: string | number | undefined, depth: number) => boolean): (string | number)[] | undefined {
  const stack: Node[] = [{ value: root, depth: 1, key: undefined, parent: undefined }];
  while (stack.length) {
    const node = stack.pop()!;
    if (found(node.value, node.key, node.depth)) return pathOf(node);
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], depth: node.depth + 1, key: entries[i]![0], parent: node });
  }
  return undefined;
}
