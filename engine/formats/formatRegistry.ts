import { BUILTIN_FORMATS } from './builtinFormats.js';
import type { FormatDefinition } from './FormatDefinition.js';

const registry = new Map<string, FormatDefinition>();
const listeners: ((format: FormatDefinition) => void)[] = [];

/**
 * Add a format that any schema can then use by name (`"format": "<name>"`). Registering a name twice is a
 * programmer error: formats are global to the process, like ajv's `addFormat`.
 */
export function registerFormat(format: FormatDefinition): void {
  if (registry.has(format.name)) throw new Error(`Format "${format.name}" is already registered`);
  registry.set(format.name, format);
  for (const listener of listeners) listener(format);
}

/** The format registered under `name`, if any. */
export function getFormat(name: string): FormatDefinition | undefined {
  return registry.get(name);
}

/** True when `name` can be used as a `format` in a schema. */
export function isKnownFormat(name: string): boolean {
  return registry.has(name);
}

/** Every registered format name, built-ins first, in registration order. */
export function knownFormats(): string[] {
  return [...registry.keys()];
}

/** Every registered format, in registration order (for documentation and tooling). */
export function formatDefinitions(): FormatDefinition[] {
  return [...registry.values()];
}

/**
 * Call `listener` for every format registered so far and every one registered later: how the engine's ajv
 * instance stays in step with the registry.
 */
export function onFormat(listener: (format: FormatDefinition) => void): void {
  for (const format of registry.values()) listener(format);
  listeners.push(listener);
}

for (const format of BUILTIN_FORMATS) registerFormat(format);
