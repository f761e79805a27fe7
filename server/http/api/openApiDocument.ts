/**
 * The provider API's OpenAPI 3.1 document, served at /api/v1/openapi.json. The tests check every real
 * response against the schemas below: a field added to a view without its schema fails them.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const dateTime = { type: 'string', format: 'date-time' };

const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const errorResponse = (description: string) => json(ref('Errors'), description);
const RESPONSES_401 = { $ref: '#/components/responses/Unauthorized' };
const RESPONSES_404 = { $ref: '#/components/responses/NotFound' };
const RESPONSES_400 = { $ref: '#/components/responses/BadRequest' };

const idParameter = (description: string, example: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' }, example });
const LIST_PARAMETERS = [
  { name: 'siret', in: 'query', description: 'Only the organisation with this SIRET (14 digits).', schema: { type: 'string', pattern: '^\\d{14}$' } },
  { name: 'limit', in: 'query', description: 'Page size, 1 to 1000.', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
  { name: 'cursor', in: 'query', description: 'Opaque cursor of the next page, from `links.next`.', schema: { type: 'string' } },
];

const schemas = {
  Error: {
    type: 'object',
    description: 'One error, JSON:API style.',
    required: ['status', 'title', 'detail'],
    additionalProperties: false,
    properties: {
      status: { type: 'string', pattern: '^[45]\\d\\d$', description: 'The HTTP status, as a string.' },
      code: { type: 'string', description: 'Stable error code (see the engine issue catalogue for validation codes).' },
      title: { type: 'string', description: 'Short English summary of the kind of error.' },
      detail: { type: 'string', description: 'What went wrong and how to fix it, in French.' },
      source: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pointer: { type: 'string', description: 'JSON pointer into the request body, e.g. `/data/contacts/email`.' },
          parameter: { type: 'string', description: 'The query parameter at fault.' },
        },
      },
    },
  },
  Errors: { type: 'object', required: ['errors'], additionalProperties: false, properties: { errors: { type: 'array', minItems: 1, items: ref('Error') } } },
  OAuthToken: {
    type: 'object',
    required: ['access_token', 'token_type', 'expires_in'],
    additionalProperties: false,
    properties: { access_token: { type: 'string' }, token_type: { const: 'Bearer' }, expires_in: { type: 'integer', description: 'Seconds.' } },
  },
  OAuthError: {
    type: 'object',
    description: 'RFC 6749 §5.2.',
    required: ['error'],
    additionalProperties: false,
    properties: { error: { enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type'] }, error_description: { type: 'string' } },
  },
  Organization: {
    type: 'object',
    required: ['id', 'siret', 'name'],
    additionalProperties: false,
    properties: { id: { type: 'integer' }, siret: nullable('string'), name: nullable('string') },
  },
  Demande: {
    type: 'object',
    description: 'A request for an authorization.',
    required: ['id', 'definitionId', 'useCaseId', 'state', 'stateLabel', 'version', 'data', 'organization', 'applicantId', 'reopening', 'previousRequestId', 'externalProviderId', 'createdAt', 'updatedAt', 'lastSubmittedAt', 'lastValidatedAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^D\\d+$', examples: ['D42'] },
      definitionId: { type: 'string' },
      useCaseId: { type: 'string' },
      state: { type: 'string', description: 'A state of the definition’s workflow (see `GET /definitions/{id}`).' },
      stateLabel: { type: 'string' },
      version: { type: 'integer', minimum: 1, description: 'Send it back with a PATCH: a stale version is refused (409).' },
      data: { type: 'object', description: 'The form data, matching the definition’s `schema`.' },
      organization: ref('Organization'),
      applicantId: { type: 'integer' },
      reopening: { type: 'boolean', description: 'An approved request being changed (its authorization stays active meanwhile).' },
      previousRequestId: nullable('string'),
      externalProviderId: nullable('string'),
      createdAt: dateTime,
      updatedAt: dateTime,
      lastSubmittedAt: nullable('string', { format: 'date-time' }),
      lastValidatedAt: nullable('string', { format: 'date-time' }),
      habilitations: { type: 'array', items: { type: 'string', pattern: '^H\\d+$' }, description: 'Its authorizations; only on a single request.' },
    },
  },
  DemandePatch: {
    type: 'object',
    required: ['data', 'version'],
    additionalProperties: false,
    properties: {
      data: { type: 'object', description: 'The whole new data, validated as a save (shape only, nothing required).' },
      version: { type: 'integer', description: 'The version read.' },
    },
  },
  Event: {
    type: 'object',
    required: ['id', 'demandeId', 'event', 'fromState', 'toState', 'actorKind', 'actorId', 'reason', 'createdAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'integer' },
      demandeId: { type: 'string' },
      event: { type: 'string', description: 'create, update, submit, approve, refuse, request_changes, …' },
      fromState: nullable('string'),
      toState: { type: 'string' },
      actorKind: { enum: ['user', 'system'], description: '`system`: the platform or an API client.' },
      actorId: nullable('integer'),
      reason: nullable('string'),
      createdAt: dateTime,
      changes: {
        type: 'array',
        description: 'On a submission: what changed since the previous one.',
        items: { type: 'object', required: ['pointer'], properties: { pointer: { type: 'string' }, before: {}, after: {} } },
      },
    },
  },
  Habilitation: {
    type: 'object',
    description: 'An authorization: the data of a request frozen when it was approved.',
    required: ['id', 'demandeId', 'definitionId', 'state', 'data', 'organization', 'applicantId', 'createdAt', 'obsoletedAt', 'revokedAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^H\\d+$' },
      demandeId: { type: 'string', pattern: '^D\\d+$' },
      definitionId: { type: 'string' },
      state: { enum: ['active', 'obsolete', 'revoked'] },
      data: { type: 'object' },
      organization: ref('Organization'),
      applicantId: { type: 'integer' },
      createdAt: dateTime,
      obsoletedAt: nullable('string', { format: 'date-time' }),
      revokedAt: nullable('string', { format: 'date-time' }),
    },
  },
  DefinitionSummary: {
    type: 'object',
    required: ['id', 'name', 'provider', 'description', 'kind', 'stage', 'useCases', 'states'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      provider: { type: 'string' },
      description: { type: 'string' },
      kind: { enum: ['api', 'service'] },
      stage: {
        oneOf: [
          { type: 'null' },
          { type: 'object', required: ['kind', 'next'], properties: { kind: { const: 'sandbox' }, next: { type: 'string' } } },
          { type: 'object', required: ['kind', 'previous'], properties: { kind: { const: 'production' }, previous: { type: 'string' } } },
        ],
      },
      useCases: {
        type: 'array',
        items: { type: 'object', required: ['id', 'title', 'description'], additionalProperties: false, properties: { id: { type: 'string' }, title: { type: 'string' }, description: nullable('string') } },
      },
      states: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'label', 'final', 'editable'],
          additionalProperties: false,
          properties: { id: { type: 'string' }, label: { type: 'string' }, final: { type: 'boolean' }, editable: { type: 'boolean', description: 'Whether a PATCH may change the data in this state.' } },
        },
      },
    },
  },
  Definition: {
    allOf: [
      ref('DefinitionSummary'),
      {
        type: 'object',
        required: ['steps', 'schema'],
        properties: {
          steps: { type: 'array', items: { type: 'object', required: ['id', 'title'], properties: { id: { type: 'string' }, title: { type: 'string' } } } },
          schema: { type: 'object', description: 'The JSON Schema (draft-07) of the requests’ data.' },
        },
      },
    ],
  },
  Links: { type: 'object', required: ['next'], additionalProperties: false, properties: { next: nullable('string', { description: 'The next page, or null on the last one.' }) } },
};

const one = (schema: string) => ({ type: 'object', required: ['data'], additionalProperties: false, properties: { data: ref(schema) } });
const list = (schema: string) => ({ type: 'object', required: ['data'], additionalProperties: false, properties: { data: { type: 'array', items: ref(schema) } } });
const page = (schema: string) => ({ type: 'object', required: ['data', 'links'], additionalProperties: false, properties: { data: { type: 'array', items: ref(schema) }, links: ref('Links') } });

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'DataPass — API des fournisseurs',
    version: '1.0.0',
    description:
      'Read the requests ("demandes") and authorizations ("habilitations") of your definition, and correct a request’s data. ' +
      'Authenticate with OAuth2 client credentials (the client is created by the definition’s developers, on the page /instruction/clients-api), ' +
      'then send `Authorization: Bearer <access_token>`. Errors are `{ errors: [{ status, code, title, detail, source }] }`.',
  },
  servers: [{ url: '/' }],
  security: [{ oauth2: [] }],
  tags: [{ name: 'demandes' }, { name: 'habilitations' }, { name: 'definitions' }, { name: 'oauth' }],
  paths: {
    '/api/v1/oauth/token': {
      post: {
        tags: ['oauth'],
        summary: 'Get an access token (client credentials grant, RFC 6749 §4.4).',
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['grant_type'],
                properties: { grant_type: { const: 'client_credentials' }, client_id: { type: 'string' }, client_secret: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '200': json(ref('OAuthToken'), 'An access token, valid one hour.'),
          '400': json(ref('OAuthError'), '`invalid_request` or `unsupported_grant_type`.'),
          '401': json(ref('OAuthError'), '`invalid_client`: unknown client, wrong secret or revoked client.'),
          '429': errorResponse('`RATE_LIMITED`: too many failed client authentications from this address within the window; `Retry-After` says when to try again.'),
        },
      },
    },
    '/api/v1/demandes': {
      get: {
        tags: ['demandes'],
        summary: 'The requests of the client’s definition, most recently updated first.',
        parameters: [{ name: 'state', in: 'query', description: 'Only the requests in this workflow state.', schema: { type: 'string' } }, ...LIST_PARAMETERS],
        responses: { '200': json(page('Demande'), 'A page of requests.'), '400': RESPONSES_400, '401': RESPONSES_401 },
      },
    },
    '/api/v1/demandes/{id}': {
      parameters: [idParameter('The request, `D42` or `42`.', 'D42')],
      get: {
        tags: ['demandes'],
        summary: 'One request.',
        responses: { '200': json(one('Demande'), 'The request.'), '401': RESPONSES_401, '404': RESPONSES_404 },
      },
      patch: {
        tags: ['demandes'],
        summary: 'Replace the data of a request, in the states where it may change (see `states[].editable`).',
        description: 'Only the data changes, validated as a save; recorded in the history as an `update` by `system`.',
        requestBody: { required: true, content: { 'application/json': { schema: ref('DemandePatch') } } },
        responses: {
          '200': json(one('Demande'), 'The request, at its new version.'),
          '400': errorResponse('The body is not `{ data, version }`.'),
          '401': RESPONSES_401,
          '404': RESPONSES_404,
          '409': errorResponse('`VERSION_CONFLICT`: the request changed since that version; `REQUEST_NOT_EDITABLE`: its state does not let the data change.'),
          '422': errorResponse('The data is invalid: one error per problem, `source.pointer` into the body (`/data/...`).'),
          '428': errorResponse('`version` is missing.'),
        },
      },
    },
    '/api/v1/demandes/{id}/events': {
      parameters: [idParameter('The request.', 'D42')],
      get: {
        tags: ['demandes'],
        summary: 'The history of a request, oldest first.',
        responses: { '200': json(list('Event'), 'Its events.'), '401': RESPONSES_401, '404': RESPONSES_404 },
      },
    },
    '/api/v1/habilitations': {
      get: {
        tags: ['habilitations'],
        summary: 'The authorizations of the client’s definition, newest first.',
        parameters: [{ name: 'state', in: 'query', schema: { enum: ['active', 'obsolete', 'revoked'] } }, ...LIST_PARAMETERS],
        responses: { '200': json(page('Habilitation'), 'A page of authorizations.'), '400': RESPONSES_400, '401': RESPONSES_401 },
      },
    },
    '/api/v1/habilitations/{id}': {
      parameters: [idParameter('The authorization, `H7` or `7`.', 'H7')],
      get: {
        tags: ['habilitations'],
        summary: 'One authorization.',
        responses: { '200': json(one('Habilitation'), 'The authorization.'), '401': RESPONSES_401, '404': RESPONSES_404 },
      },
    },
    '/api/v1/definitions': {
      get: { tags: ['definitions'], summary: 'The client’s definitions.', responses: { '200': json(list('DefinitionSummary'), 'Its definitions.'), '401': RESPONSES_401 } },
    },
    '/api/v1/definitions/{id}': {
      parameters: [idParameter('The definition.', 'api-particulier')],
      get: {
        tags: ['definitions'],
        summary: 'One definition, with the JSON Schema of its data and its workflow states.',
        responses: { '200': json(one('Definition'), 'The definition.'), '401': RESPONSES_401, '404': RESPONSES_404 },
      },
    },
    '/api/v1/openapi.json': {
      get: { tags: ['definitions'], summary: 'This document.', security: [], responses: { '200': { description: 'OpenAPI 3.1.', content: { 'application/json': {} } } } },
    },
  },
  components: {
    securitySchemes: {
      oauth2: {
        type: 'oauth2',
        description: 'Client credentials; the access token is opaque and lives one hour.',
        flows: { clientCredentials: { tokenUrl: '/api/v1/oauth/token', scopes: {} } },
      },
    },
    responses: {
      BadRequest: errorResponse('A query parameter is invalid (`source.parameter`).'),
      Unauthorized: {
        description: 'No access token, or an unknown, expired or revoked one.',
        headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: '`Bearer realm="DataPass"`, with `error="invalid_token"` for a bad token.' } },
        content: { 'application/json': { schema: ref('Errors') } },
      },
      NotFound: errorResponse('Absent, or not of the client’s definition: the same answer.'),
    },
    schemas,
  },
} as const;

/** The OpenAPI 3.1 document of the provider API. */
export const openApiDocument = () => DOCUMENT;
