import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';

/** A line and column, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A parsed YAML or JSON file that remembers where every value stands, so that an issue found on the
 * parsed value can be reported at its line and column from its JSON pointer.
 */
export interface SourceFile {
  /** The path as it is shown to people (relative to the working directory). */
  path: string;
  text: string;
  /** The parsed value; undefined when the file could not be parsed. */
  value: unknown;
  /** Where the value at `pointer` stands; with `key`, where its key stands. Falls back to the nearest parent. */
  locate(pointer: string, options?: { key?: boolean }): Position | undefined;
  /** Position of a character offset. */
  positionOf(offset: number): Position;
}

/** Split a JSON pointer into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer inside plain data; undefined when the path leaves the data. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Join segments into a JSON pointer, escaping `~` and `/`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Build a SourceFile from text already parsed into `value`, using the yaml parser for positions only. */
export function createSourceFile(path: string, text: string, value: unknown, parsed?: { doc: Document; lineCounter: LineCounter }): SourceFile {
  // Positions are only needed when an issue is reported: parse for them on first use, not on load.
  let lineCounter = parsed?.lineCounter;
  let doc = parsed?.doc;
  const counter = (): LineCounter => {
    if (!lineCounter) {
      lineCounter = new LineCounter();
      try {
        doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
      } catch {
        doc = undefined;
      }
    }
    return lineCounter;
  };
  const positionOf = (offset: number): Position => {
    const p = counter().linePos(offset);
    return { line: p.line, column: p.col };
  };
  const locate = (pointer: string, options?: { key?: boolean }): Position | undefined => {
    counter();
    if (!doc?.contents) return text.length ? positionOf(0) : undefined;
    let node: Node | null = doc.contents as Node;
    let keyNode: Node | null = null;
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair: Pair<Node, Node> | undefined = (node.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        keyNode = item;
        node = item;
      } else {
        break;
      }
    }
    const target = options?.key && keyNode ? keyNode : node;
    const range = target?.range;
    return range ? positionOf(range[0]) : undefined;
  };
  return { path, text, value, locate, positionOf };
}
