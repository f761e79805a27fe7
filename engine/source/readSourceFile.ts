import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { createSourceFile, type SourceFile } from './SourceFile.js';

export interface ReadResult {
  /** Present when the file was read; its `value` is undefined when it could not be parsed. */
  file?: SourceFile;
  issues: Issue[];
}

/** Read and parse a YAML or JSON file (by extension), reporting syntax errors and duplicate keys at their line. */
export function readSourceFile(absolutePath: string, displayPath: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    return { issues: [{ code: 'FOLDER_UNREADABLE', message: `Cannot read ${displayPath}: ${(error as Error).message}.`, file: displayPath, pointer: '' }] };
  }
  return parseSourceText(text, displayPath, /\.json$/i.test(displayPath) ? 'json' : 'yaml');
}

/** Parse text already in memory; `kind` decides the syntax. */
export function parseSourceText(text: string, displayPath: string, kind: 'json' | 'yaml'): ReadResult {
  return kind === 'json' ? parseJson(text, displayPath) : parseYaml(text, displayPath);
}

function parseYaml(text: string, path: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const issues: Issue[] = [];
  const bare = createSourceFile(path, text, undefined);
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    const what = duplicate ? 'Duplicate key in a mapping' : `YAML syntax error: ${firstLine(error.message)}`;
    const hint = duplicate ? 'Remove or rename one of the two keys.' : 'Fix the syntax at that place.';
    issues.push(fileIssue(bare, duplicate ? 'DUPLICATE_KEY' : 'YAML_SYNTAX', '', what, hint, { position: { line, column: col } }));
  }
  if (issues.length) return { file: bare, issues };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { file: bare, issues: [fileIssue(bare, 'YAML_SYNTAX', '', `YAML cannot be turned into data: ${firstLine((error as Error).message)}`)] };
  }
  return { file: createSourceFile(path, text, value, { doc, lineCounter }), issues: [] };
}

function parseJson(text: string, path: string): ReadResult {
  const bare = createSourceFile(path, text, undefined);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const position = bare.positionOf(Math.min(offset, text.length));
    const what = `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`;
    return { file: bare, issues: [fileIssue(bare, 'JSON_SYNTAX', '', what, 'JSON allows no comments nor trailing commas, and needs double-quoted keys.', { position })] };
  }
  const file = createSourceFile(path, text, value);
  // JSON.parse keeps the last of two equal keys silently.
  const issues = duplicateJsonKeys(text).map(({ offset, key }) =>
    fileIssue(file, 'DUPLICATE_KEY', '', `Duplicate key "${key}" in an object`, 'Remove or rename one of the two keys.', { position: file.positionOf(offset) }),
  );
  return { file, issues };
}

/** The second and later occurrences of a key in the same object of a valid JSON text, with their offsets. */
export function duplicateJsonKeys(text: string): { offset: number; key: string }[] {
  const found: { offset: number; key: string }[] = [];
  const objects: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') objects.push(new Set());
    else if (c === '[') objects.push(null);
    else if (c === '}' || c === ']') objects.pop();
    else if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const keys = objects[objects.length - 1];
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (keys && text[j] === ':') {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (keys.has(key)) found.push({ offset: start, key });
        else keys.add(key);
      }
    }
  }
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
