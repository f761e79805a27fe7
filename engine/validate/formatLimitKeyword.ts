import { formatLimitDefinition } from 'ajv-formats/dist/limit.js';
import type { EngineKeyword } from './EngineKeyword.js';

/**
 * ajv-formats' formatMinimum, formatMaximum, formatExclusiveMinimum and formatExclusiveMaximum: they compare
 * dates and times, and with `{ "$data": "1/date_debut" }` compare two fields, which JSON Schema cannot do.
 */
export const formatLimitKeyword: EngineKeyword = {
  definition: formatLimitDefinition,
  audience: 'schema',
  keptOnSave: false,
  description:
    'formatMinimum, formatMaximum, formatExclusiveMinimum, formatExclusiveMaximum (from ajv-formats): bounds for values ' +
    'of a format that orders them (date, time, date-time, iso-time, iso-date-time). The bound is a literal ' +
    '(`"formatMinimum": "2024-01-01"`) or another field (`"formatExclusiveMinimum": { "$data": "1/date_debut" }`).',
};
