/** ui.json is an rjsf uiSchema: an object; the field names in it are checked against the schema. */
export const uiMetaSchema = { type: 'object' } as const;
