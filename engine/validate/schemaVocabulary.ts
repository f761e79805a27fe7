import { isKnownFormat, knownFormats } from '../formats/formatRegistry.js';
import { acceptedKeywords } from './keywordRegistry.js';

/** What a schema.json may use: the loader flags any other keyword or format. */
export interface SchemaVocabulary {
  /** Draft-07 keywords, `errorMessage`, and the registered keywords meant for schema authors. */
  keywords: ReadonlySet<string>;
  isKnownFormat(name: string): boolean;
  knownFormats(): string[];
}

/** The engine's schema vocabulary, as registered at the time of the call. */
export function schemaVocabulary(): SchemaVocabulary {
  return { keywords: acceptedKeywords(), isKnownFormat, knownFormats };
}
