import { Ajv, type Format } from 'ajv';
import ajvErrors from 'ajv-errors';
import { onFormat } from '../formats/formatRegistry.js';
import type { FormatDefinition } from '../formats/FormatDefinition.js';
import { onKeyword } from './keywordRegistry.js';

let instance: Ajv | undefined;

/**
 * The one ajv instance of the process, shared by every definition: formats and keywords are registered on
 * it once, from their registries. `allErrors` lets a form show every problem at once (and ajv-errors needs
 * it); `verbose` gives the failing schema and value to the error messages at no cost on the valid path;
 * `passContext` hands the validation options (createdAt) to the engine's keywords; `$data` lets
 * formatMinimum compare two fields. Unknown keywords and formats stay compile errors (strictSchema).
 */
export function engineAjv(): Ajv {
  instance ??= createEngineAjv();
  return instance;
}

/** A new ajv configured as the engine's (the benchmark's baseline builds one per submission). */
export function createEngineAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, passContext: true, $data: true, strict: false, strictSchema: true });
  ajvErrors.default(ajv);
  onFormat((format) => ajv.addFormat(format.name, toAjvFormat(format)));
  onKeyword((keyword) => ajv.addKeyword(keyword.definition));
  return ajv;
}

function toAjvFormat(format: FormatDefinition): Format {
  if (!format.type && !format.compare) return format.validate as Format;
  return {
    type: format.type ?? 'string',
    validate: format.validate,
    ...(format.compare ? { compare: format.compare } : {}),
  } as Format;
}
