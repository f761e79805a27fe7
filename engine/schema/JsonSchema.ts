/** A draft-07 JSON Schema as plain data; only the keywords the engine reads are typed. */
export interface JsonSchema {
  $ref?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  definitions?: Record<string, JsonSchema>;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  dependencies?: Record<string, JsonSchema | string[]>;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  [keyword: string]: unknown;
}
