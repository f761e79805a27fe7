import type { DefinitionMeta } from '../model/DefinitionMeta.js';

/** definition.yaml with its optional keys filled in, so the rest of the engine never checks for absence. */
export function withDefaults(raw: Record<string, unknown>, folderName: string): DefinitionMeta {
  const meta = raw as Partial<DefinitionMeta>;
  return {
    ...(meta as DefinitionMeta),
    id: folderName,
    kind: meta.kind ?? 'api',
    public: meta.public ?? true,
    links: meta.links ?? {},
    features: { messaging: true, reopening: true, transfer: true, ...(meta.features ?? {}) },
    scopes: meta.scopes ?? [],
    use_cases: meta.use_cases ?? [{ id: 'libre', title: 'Demande libre' }],
    attestations: meta.attestations ?? [],
    roles: meta.roles ?? [],
  };
}
