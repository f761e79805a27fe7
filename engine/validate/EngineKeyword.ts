import type { KeywordDefinition } from 'ajv';

/** A keyword the engine adds to JSON Schema, registered once on the engine's ajv. */
export interface EngineKeyword {
  /** The ajv definition; its `keyword` may name several keywords (like formatMinimum and friends). */
  definition: KeywordDefinition;
  /** `schema`: provider teams may write it in schema.json; `engine`: only the engine injects it. */
  audience: 'schema' | 'engine';
  /** Whether a save (shape only) keeps it. Rules a half-filled draft may break must say false. */
  keptOnSave: boolean;
  /** What it does, in English, for definitions/_shared/README.md. */
  description: string;
}

/** The keyword names an ajv definition declares. */
export function keywordNames(keyword: EngineKeyword): string[] {
  const k = keyword.definition.keyword;
  return Array.isArray(k) ? [...k] : [k];
}
