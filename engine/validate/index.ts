export { createSubmissionValidator, type EngineSubmissionValidator, type SubmissionValidatorInput, type ValidatorSelector } from './createSubmissionValidator.js';
export { schemaVocabulary, type SchemaVocabulary } from './schemaVocabulary.js';
export { registerKeyword, acceptedKeywords, registeredKeywords, ERROR_MESSAGE_KEYWORD } from './keywordRegistry.js';
export type { EngineKeyword } from './EngineKeyword.js';
export { engineAjv } from './engineAjv.js';
export { TERMS_KEY, DPO_CONTACT } from './requiredTerms.js';
export type { Term } from './termsKeyword.js';
export { registerFormat, isKnownFormat, knownFormats, getFormat, formatDefinitions } from '../formats/index.js';
export type { FormatDefinition } from '../formats/index.js';
