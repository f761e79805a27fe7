/** The format of a file of examples/ (documented in definitions/README.md). */
export const exampleMetaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['data'],
  properties: {
    description: { type: 'string' },
    use_case: { type: 'string' },
    context: {
      anyOf: [
        { enum: ['save', 'submit'] },
        { type: 'object', additionalProperties: false, required: ['step'], properties: { step: { type: 'string' } } },
      ],
    },
    data: { type: 'object' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'pointer'],
        properties: { code: { type: 'string' }, pointer: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;
