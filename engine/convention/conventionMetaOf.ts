import type { Definition } from '../model/Definition.js';
import type { ConventionContext } from './conventionRenderer.js';
import type { ConventionMeta } from './ConventionMeta.js';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const field = (context: ConventionContext, root: string, key: string): string => text((context[root] as Record<string, unknown> | undefined)?.[key]);

/** What the HTML document and the PDF print around a convention's body, read from the context it was rendered with. */
export function conventionMetaOf(definition: Pick<Definition, 'meta'>, context: ConventionContext): ConventionMeta {
  const authorization = field(context, 'authorization', 'public_id');
  return {
    title: `${definition.meta.kind === 'service' ? 'Convention d’utilisation du service' : 'Convention d’accès aux données'} ${definition.meta.name}`,
    definitionName: definition.meta.name,
    requestPublicId: field(context, 'request', 'public_id'),
    ...(authorization ? { authorizationPublicId: authorization } : {}),
    organizationName: field(context, 'organization', 'name'),
    siret: field(context, 'organization', 'siret'),
    date: text(context.generated_at) || new Date(0).toISOString(),
  };
}
