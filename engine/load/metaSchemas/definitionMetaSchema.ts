const identifier = { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' } as const;
const url = { type: 'string', pattern: '^https?://\\S+$' } as const;

/** The format of definition.yaml (documented in definitions/README.md). */
export const definitionMetaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'provider', 'description', 'support_email'],
  properties: {
    id: identifier,
    name: { type: 'string', minLength: 1 },
    provider: identifier,
    provider_name: { type: 'string' },
    description: { type: 'string', minLength: 1 },
    kind: { enum: ['api', 'service'] },
    public: { type: 'boolean' },
    support_email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
    links: {
      type: 'object',
      additionalProperties: false,
      properties: { cgu: url, access: { type: 'string', pattern: '^https?://\\S+$' }, documentation: url, website: url },
    },
    features: {
      type: 'object',
      additionalProperties: false,
      properties: { messaging: { type: 'boolean' }, reopening: { type: 'boolean' }, transfer: { type: 'boolean' } },
    },
    stage: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: { kind: { enum: ['sandbox', 'production'] }, next: identifier, previous: identifier },
      if: { properties: { kind: { const: 'sandbox' } } },
      then: { required: ['next'] },
      else: { required: ['previous'] },
    },
    scopes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['group', 'items'],
        properties: {
          group: { type: 'string', minLength: 1 },
          items: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['value', 'label'],
              properties: {
                value: { type: 'string', pattern: '^[a-z0-9_]+$' },
                label: { type: 'string', minLength: 1 },
                help: { type: 'string' },
                link: url,
                included: { type: 'boolean' },
                disabled: { type: 'boolean' },
                deprecated: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['since'],
                  properties: { since: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
                },
              },
            },
          },
        },
      },
    },
    use_cases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title'],
        properties: {
          id: identifier,
          title: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          prefill: { type: 'object' },
          locked: { type: 'array', items: { type: 'string', pattern: '^(/[^/]+)+$' } },
          scopes: { type: 'array', items: { type: 'string' } },
          steps: { type: 'array', minItems: 1, items: { type: 'string' } },
        },
      },
    },
    attestations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label'],
        properties: { id: identifier, label: { type: 'string', minLength: 1 } },
      },
    },
    roles: { type: 'array', items: identifier },
  },
} as const;
