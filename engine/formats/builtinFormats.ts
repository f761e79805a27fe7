import type { FormatDefinition } from './FormatDefinition.js';
import { emailFormat } from './emailFormat.js';
import { mobileFrFormat } from './mobileFrFormat.js';
import { phoneFrFormat } from './phoneFrFormat.js';
import { sirenFormat } from './sirenFormat.js';
import { siretFormat } from './siretFormat.js';
import { STANDARD_FORMATS } from './standardFormats.js';
import { urlFormat } from './urlFormat.js';

/** The formats every schema may use, registered at start-up through `registerFormat` like any other. */
export const BUILTIN_FORMATS: readonly FormatDefinition[] = [
  siretFormat,
  sirenFormat,
  phoneFrFormat,
  mobileFrFormat,
  emailFormat,
  urlFormat,
  ...STANDARD_FORMATS,
];
