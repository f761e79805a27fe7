import { DRAFT07_KEYWORDS } from '../schema/draft07Keywords.js';
import { keywordNames, type EngineKeyword } from './EngineKeyword.js';
import { formatLimitKeyword } from './formatLimitKeyword.js';
import { lockedKeyword } from './lockedKeyword.js';
import { scopesKeyword } from './scopesKeyword.js';
import { termsKeyword } from './termsKeyword.js';

/** ajv-errors' keyword: custom French messages. */
export const ERROR_MESSAGE_KEYWORD = 'errorMessage';

const registry = new Map<string, EngineKeyword>();
const listeners: ((keyword: EngineKeyword) => void)[] = [];

/**
 * Add a keyword to the engine's JSON Schema, the way ajv's `addKeyword` does, with what the loader and the
 * save context need to know about it. Registering a name twice is a programmer error.
 */
export function registerKeyword(keyword: EngineKeyword): void {
  const names = keywordNames(keyword);
  for (const name of names) {
    if (registry.has(name) || name === ERROR_MESSAGE_KEYWORD || (DRAFT07_KEYWORDS as readonly string[]).includes(name)) {
      throw new Error(`Keyword "${name}" is already defined`);
    }
  }
  for (const name of names) registry.set(name, keyword);
  for (const listener of listeners) listener(keyword);
}

/**
 * The keywords a schema.json may use: draft-07, `errorMessage`, and the registered keywords meant for
 * provider teams. Keywords the engine injects itself are not in it.
 */
export function acceptedKeywords(): ReadonlySet<string> {
  const names = new Set<string>(DRAFT07_KEYWORDS);
  names.add(ERROR_MESSAGE_KEYWORD);
  for (const [name, keyword] of registry) if (keyword.audience === 'schema') names.add(name);
  return names;
}

/** Registered keywords that a save drops (rules, not shape). */
export function keywordsDroppedOnSave(): string[] {
  return [...registry].filter(([, k]) => !k.keptOnSave).map(([name]) => name);
}

/** Every registered keyword, once each (for documentation and tooling). */
export function registeredKeywords(): EngineKeyword[] {
  return [...new Set(registry.values())];
}

/** Call `listener` for every keyword registered so far and every one registered later. */
export function onKeyword(listener: (keyword: EngineKeyword) => void): void {
  for (const keyword of new Set(registry.values())) listener(keyword);
  listeners.push(listener);
}

for (const keyword of [formatLimitKeyword, scopesKeyword, lockedKeyword, termsKeyword]) registerKeyword(keyword);
