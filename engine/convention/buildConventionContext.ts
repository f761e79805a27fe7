import type { Definition } from '../model/Definition.js';
import type { ConventionContext } from './conventionRenderer.js';
import { grantedScopes } from './grantedScopes.js';

type When = string | Date;

/** What the server knows when it renders a convention; optional parts are left out of the context when absent. */
export interface ConventionContextInput {
  definition: Pick<Definition, 'meta'>;
  /** The request's data, as stored (normalized). */
  data: Record<string, unknown>;
  useCaseId?: string | undefined;
  organization: { name: string; siret: string; address?: string | undefined; legal_category?: string | undefined; naf_code?: string | undefined };
  applicant?: { email: string; given_name?: string | undefined; family_name?: string | undefined; job_title?: string | undefined; phone_number?: string | undefined } | undefined;
  request: { id: number | string; publicId: string; createdAt: When; lastSubmittedAt?: When | undefined };
  /** Absent for a preview of a request not yet approved. */
  authorization?: { id: number | string; publicId: string; createdAt: When; state: string } | undefined;
  generatedAt: When;
}

const iso = (when: When): string => (when instanceof Date ? when.toISOString() : when);

/** The entries whose value is given: an absent optional value stays absent, so strict mode catches a bare read of it. */
function present<T extends Record<string, unknown>>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

/**
 * The context a convention template reads, exactly the shape of CONVENTION_CONTEXT: the organisation, the
 * definition's description, the request (with its use case), the authorization and applicant when there
 * are some, the granted scopes grouped with their labels, and the generation date. Dates are ISO strings
 * (templates show them with `date_fr`). `definition.provider_name` falls back to `provider`.
 */
export function buildConventionContext(input: ConventionContextInput): ConventionContext {
  const meta = input.definition.meta;
  const useCase = input.useCaseId ? meta.use_cases.find((u) => u.id === input.useCaseId) : undefined;
  return {
    data: input.data,
    organization: present({ ...input.organization }),
    definition: {
      id: meta.id,
      name: meta.name,
      provider: meta.provider,
      provider_name: meta.provider_name ?? meta.provider,
      description: meta.description,
      kind: meta.kind,
      support_email: meta.support_email,
      links: present({ cgu: meta.links.cgu, access: meta.links.access, documentation: meta.links.documentation, website: meta.links.website }),
    },
    request: {
      id: input.request.id,
      public_id: input.request.publicId,
      created_at: iso(input.request.createdAt),
      ...(input.request.lastSubmittedAt ? { last_submitted_at: iso(input.request.lastSubmittedAt) } : {}),
      ...(useCase ? { use_case: { id: useCase.id, title: useCase.title } } : {}),
    },
    ...(input.authorization
      ? { authorization: { id: input.authorization.id, public_id: input.authorization.publicId, created_at: iso(input.authorization.createdAt), state: input.authorization.state } }
      : {}),
    ...(input.applicant ? { applicant: present({ ...input.applicant }) } : {}),
    granted_scopes: grantedScopes(meta.scopes, input.data),
    generated_at: iso(input.generatedAt),
  };
}

/**
 * `complete`: every optional part given (address, applicant, authorization), as at approval. `minimal`: only
 * what every request has (no address, applicant, authorization nor submission date), as in an early preview;
 * rendering both shows that a template guards what may be absent.
 */
export type ExampleVariant = 'complete' | 'minimal';

/** An organisation for previews: a commune with a SIRET that passes the Luhn check. */
export const EXAMPLE_ORGANIZATION = {
  name: 'Commune de Exemple-sur-Loire',
  siret: '21450999900006',
  address: '1 place de la Mairie, 45000 Exemple-sur-Loire',
  legal_category: 'Commune et commune nouvelle',
  naf_code: '84.11Z',
} as const;

const EXAMPLE_APPLICANT = {
  email: 'camille.martin@exemple-sur-loire.fr',
  given_name: 'Camille',
  family_name: 'Martin',
  job_title: 'Directrice des systèmes d’information',
  phone_number: '02 38 00 00 00',
} as const;

/**
 * The convention context of one of a definition's examples (by name, e.g. `valid-libre`; the first valid
 * example when omitted) for an illustrative organisation: the data normalized as the server stores it,
 * the example's use case, the same builder as for a real request. Used by previews and `datapass check`.
 */
export function exampleConventionContext(
  definition: Pick<Definition, 'id' | 'meta' | 'examples' | 'validator'>,
  exampleName?: string,
  options: { variant?: ExampleVariant; generatedAt?: string | Date } = {},
): ConventionContext {
  const example = exampleName === undefined ? definition.examples.find((e) => !e.issues.length) : definition.examples.find((e) => e.name === exampleName);
  if (!example) {
    const names = definition.examples.map((e) => e.name).join(', ') || 'none';
    throw new Error(`Definition ${definition.id} has no example ${exampleName === undefined ? 'without issues' : `"${exampleName}"`}. Its examples: ${names}.`);
  }
  const useCase = example.useCaseId ? { useCaseId: example.useCaseId } : {};
  const complete = (options.variant ?? 'complete') === 'complete';
  return buildConventionContext({
    definition,
    data: definition.validator.normalize(example.data, useCase),
    ...useCase,
    organization: complete ? { ...EXAMPLE_ORGANIZATION } : { name: EXAMPLE_ORGANIZATION.name, siret: EXAMPLE_ORGANIZATION.siret },
    ...(complete ? { applicant: { ...EXAMPLE_APPLICANT } } : {}),
    request: { id: 1234, publicId: 'D1234', createdAt: '2026-01-05T09:00:00.000Z', ...(complete ? { lastSubmittedAt: '2026-01-12T14:30:00.000Z' } : {}) },
    ...(complete ? { authorization: { id: 5678, publicId: 'H5678', createdAt: '2026-01-20T10:00:00.000Z', state: 'active' } } : {}),
    generatedAt: options.generatedAt ?? new Date(),
  });
}
